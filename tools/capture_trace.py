#!/usr/bin/env python3
"""Capture a StampSim activation trace from a PyTorch / Hugging Face model.

Runs one input (a text file, an image, or random token ids) through the model, records the
input of every nn.Linear with forward pre-hooks, and writes the StampSim trace format
(traces/README.md): a .safetensors file whose __metadata__["stampsim_trace"] holds the JSON
manifest. Layers that receive the same input tensor (q/k/v, gate/up) share one activation tensor.

Needs: torch, transformers, safetensors (and Pillow for images).

Examples:
  python tools/capture_trace.py --model meta-llama/Meta-Llama-3-8B --text prompt.txt --max-tokens 2048 \
      --license llama3 --out llama3-8b.safetensors
  python tools/capture_trace.py --model google/vit-base-patch16-224 --image cat.jpg --out vit.safetensors
  python tools/capture_trace.py --tiny-llama --random-tokens 128 --seed 0 --out tiny.safetensors   # offline self-check
"""
import argparse
import json
import os
import re

import torch
from torch import nn

FORMAT_VERSION = 1
METADATA_KEY = "stampsim_trace"

# Module-name endings -> the manifest's layer kinds (first match wins; anything else is "linear").
KINDS = [
    ("q_proj", "attn.q"), ("k_proj", "attn.k"), ("v_proj", "attn.v"), ("o_proj", "attn.o"),
    ("gate_proj", "mlp.gate"), ("up_proj", "mlp.up"), ("down_proj", "mlp.down"),
    ("attention.query", "attn.q"), ("attention.key", "attn.k"), ("attention.value", "attn.v"),
    ("attention.output.dense", "attn.o"), ("intermediate.dense", "mlp.up"), ("output.dense", "mlp.down"),
    ("attn.qkv", "attn.qkv"), ("attn.proj", "attn.o"), ("mlp.fc1", "mlp.up"), ("mlp.fc2", "mlp.down"),
    ("c_attn", "attn.qkv"), ("lm_head", "head"),
]
DTYPES = {"f32": torch.float32, "f16": torch.float16, "bf16": torch.bfloat16}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--model", help="Hugging Face model id or local directory")
    src.add_argument("--tiny-llama", action="store_true", help="a small randomly initialised LlamaConfig model, built offline")
    inp = p.add_mutually_exclusive_group(required=True)
    inp.add_argument("--text", help="text file to tokenize and run")
    inp.add_argument("--image", help="image file to preprocess and run")
    inp.add_argument("--random-tokens", type=int, metavar="N", help="run N random token ids (drawn with --seed)")
    p.add_argument("--max-tokens", type=int, default=2048, help="truncate text to this many tokens (default 2048)")
    p.add_argument("--seed", type=int, default=0, help="seed for random tokens and --tiny-llama weights (default 0)")
    p.add_argument("--layers", default=None, help="regular expression: capture only nn.Linear modules whose name matches")
    p.add_argument("--dtype", choices=["keep", "f32", "f16", "bf16"], default="keep",
                   help="stored dtype (default: the model's own; float64 is stored as f32)")
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    p.add_argument("--license", default=None, help="licence of the model (recorded in the manifest)")
    p.add_argument("--out", required=True, help="output .safetensors trace")
    return p.parse_args()


def tiny_llama(seed):
    from transformers import LlamaConfig, LlamaForCausalLM
    torch.manual_seed(seed)
    config = LlamaConfig(vocab_size=512, hidden_size=64, intermediate_size=176, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=512)
    return LlamaForCausalLM(config), None, "tiny-llama (random LlamaConfig, seed %d)" % seed


def load(args):
    if args.tiny_llama:
        return tiny_llama(args.seed)
    from transformers import AutoModel, AutoModelForCausalLM, AutoProcessor, AutoTokenizer
    if args.image:
        return AutoModel.from_pretrained(args.model), AutoProcessor.from_pretrained(args.model), args.model
    return AutoModelForCausalLM.from_pretrained(args.model), AutoTokenizer.from_pretrained(args.model), args.model


def make_inputs(args, model, processor):
    """Model keyword arguments and the manifest's "input" entry."""
    if args.random_tokens:
        g = torch.Generator().manual_seed(args.seed)
        ids = torch.randint(0, model.config.vocab_size, (1, args.random_tokens), generator=g)
        return {"input_ids": ids}, {"kind": "seed", "seed": args.seed, "token_ids": ids[0].tolist(),
                                    "description": "%d random token ids" % args.random_tokens}
    if args.text:
        if processor is None:
            raise SystemExit("--tiny-llama has no tokenizer: use --random-tokens")
        with open(args.text, encoding="utf-8") as f:
            text = f.read()
        ids = processor(text, return_tensors="pt", truncation=True, max_length=args.max_tokens)["input_ids"]
        return {"input_ids": ids}, {"kind": "text", "files": [os.path.basename(args.text)], "token_ids": ids[0].tolist(),
                                    "description": "first %d tokens" % ids.shape[1]}
    from PIL import Image
    image = Image.open(args.image).convert("RGB")
    pixels = processor(images=image, return_tensors="pt")["pixel_values"]
    return {"pixel_values": pixels}, {"kind": "image", "files": [os.path.basename(args.image)],
                                      "description": "preprocessed to %s" % "x".join(map(str, pixels.shape[-2:]))}


def kind_of(name):
    return next((kind for ending, kind in KINDS if name.endswith(ending)), "linear")


def block_of(name):
    m = re.search(r"\.(\d+)\.", "." + name + ".")
    return int(m.group(1)) if m else None


def patch_grid(model):
    """(H, W) of a vision model's patch grid, or None."""
    cfg = getattr(model.config, "vision_config", model.config)
    size, patch = getattr(cfg, "image_size", None), getattr(cfg, "patch_size", None)
    if not size or not patch:
        return None
    size = size if isinstance(size, (list, tuple)) else (size, size)
    patch = patch if isinstance(patch, (list, tuple)) else (patch, patch)
    return size[0] // patch[0], size[1] // patch[1]


def stored(t, dtype):
    t = t.detach().to("cpu")
    if dtype is None:
        dtype = t.dtype if t.dtype in DTYPES.values() else torch.float32
    return t.to(dtype).contiguous()


def capture(model, kwargs, pattern, dtype):
    """Runs the model once; returns (tensors, layers) for the manifest."""
    tensors, layers, seen, calls = {}, [], {}, {}

    def hook(module_name, module):
        def pre_hook(_module, inputs):
            # A module called more than once (shared weights) gets one layer per call.
            calls[module_name] = calls.get(module_name, 0) + 1
            name = module_name if calls[module_name] == 1 else "%s#%d" % (module_name, calls[module_name])
            x = inputs[0]
            if x.dim() == 3:
                if x.shape[0] != 1:
                    raise SystemExit("%s: batch size %d; a trace holds one sequence" % (name, x.shape[0]))
                x = x[0]
            x2 = stored(x.reshape(-1, x.shape[-1]), dtype)
            # Same storage, shape and strides and equal content: the same input (q/k/v, gate/up).
            identity = (x.data_ptr(), tuple(x.shape), tuple(x.stride()))
            key = seen.get(identity)
            if key is None or not torch.equal(tensors[key], x2):
                key = "act.%d" % sum(1 for k in tensors if k.startswith("act."))
                seen[identity] = key
                tensors[key] = x2
            entry = {"name": name, "kind": kind_of(module_name), "activation": key, "weight": module_name + ".weight"}
            if block_of(module_name) is not None:
                entry["block"] = block_of(module_name)
            tensors[module_name + ".weight"] = stored(module.weight, dtype)
            if module.bias is not None:
                entry["bias"] = module_name + ".bias"
                tensors[module_name + ".bias"] = stored(module.bias, dtype)
            layers.append(entry)
        return pre_hook

    handles = [m.register_forward_pre_hook(hook(n, m)) for n, m in model.named_modules()
               if isinstance(m, nn.Linear) and (pattern is None or re.search(pattern, n))]
    try:
        with torch.no_grad():
            model(**kwargs)
    finally:
        for h in handles:
            h.remove()
    return tensors, layers


def add_grids(layers, tensors, grid):
    if grid is None:
        return
    h, w = grid
    for layer in layers:
        s = tensors[layer["activation"]].shape[0]
        if s >= h * w:
            layer["grid"] = "%dx%d" % (h, w)
            if s > h * w:
                layer["prefix"] = s - h * w


def main():
    args = parse_args()
    model, processor, model_name = load(args)
    model.eval().to(args.device)
    kwargs, input_entry = make_inputs(args, model, processor)
    kwargs = {k: v.to(args.device) for k, v in kwargs.items()}
    tensors, layers = capture(model, kwargs, args.layers, None if args.dtype == "keep" else DTYPES[args.dtype])
    if not layers:
        raise SystemExit("no nn.Linear layer ran" + (" matching --layers" if args.layers else ""))
    if args.image:
        add_grids(layers, tensors, patch_grid(model))
    manifest = {"format_version": FORMAT_VERSION, "model": model_name,
                "source": "tools/capture_trace.py" + ("" if args.tiny_llama else " from " + args.model),
                "input": input_entry, "layers": layers}
    if args.license:
        manifest["license"] = args.license
    from safetensors.torch import save_file
    tmp = args.out + ".tmp"
    save_file(tensors, tmp, metadata={METADATA_KEY: json.dumps(manifest)})
    os.replace(tmp, args.out)  # no half-written trace is ever left under the final name
    print("wrote %s: %d layers, %d tensors" % (args.out, len(layers), len(tensors)))


if __name__ == "__main__":
    main()
