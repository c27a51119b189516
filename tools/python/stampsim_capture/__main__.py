"""python3 -m stampsim_capture: capture a Hugging Face model (needs transformers) on text or random tokens."""
import argparse
import os

import torch

from .capture import STORED, capture


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m stampsim_capture", description=__doc__)
    p.add_argument("--model", required=True, help="Hugging Face model id or local directory (needs transformers)")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--text", help="text file to tokenize and run")
    src.add_argument("--random-tokens", type=int, metavar="N", help="run N random token ids (drawn with --seed)")
    p.add_argument("--max-tokens", type=int, default=2048, help="truncate text to this many tokens (default 2048)")
    p.add_argument("--seed", type=int, default=0, help="seed for --random-tokens (default 0)")
    p.add_argument("--layers", default=None, help="regular expression over module names: capture only the nn.Linear that match")
    p.add_argument("--dtype", choices=sorted(STORED), default=None, help="stored dtype (default: the model's own; float64 as f32)")
    p.add_argument("--license", default=None, help="licence of the model (recorded in the manifest)")
    p.add_argument("--out", required=True, help="output .safetensors trace")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    try:
        from transformers import AutoModel, AutoTokenizer
    except ImportError:
        raise SystemExit("stampsim_capture: --model needs the transformers package; capture() itself needs only torch")
    model = AutoModel.from_pretrained(args.model).eval()
    if args.random_tokens:
        g = torch.Generator().manual_seed(args.seed)
        ids = torch.randint(0, model.config.vocab_size, (1, args.random_tokens), generator=g)
        entry = {"kind": "seed", "seed": args.seed, "description": "%d random token ids" % args.random_tokens}
    else:
        with open(args.text, encoding="utf-8") as f:
            text = f.read()
        tokenizer = AutoTokenizer.from_pretrained(args.model)
        ids = tokenizer(text, return_tensors="pt", truncation=True, max_length=args.max_tokens)["input_ids"]
        entry = {"kind": "text", "files": [os.path.basename(args.text)], "description": "first %d tokens" % ids.shape[1]}
    entry["token_ids"] = ids[0].tolist()
    manifest = capture(model, (ids,), args.out, layers=args.layers, dtype=args.dtype, model_name=args.model,
                       input=entry, source="stampsim_capture from " + args.model, license=args.license)
    print("wrote %s: %d layers" % (args.out, len(manifest["layers"])))


if __name__ == "__main__":
    main()
