"""Record the inputs of a module's nn.Linear layers during one forward pass and write a trace."""
import json
import re

import torch
from torch import nn

from .names import block_of, kind_of
from .safetensors_file import write_safetensors

FORMAT_VERSION = 1
METADATA_KEY = "stampsim_trace"
STORED = {"f32": torch.float32, "f16": torch.float16, "bf16": torch.bfloat16}


def _stored(t, dtype):
    t = t.detach().to("cpu")
    if dtype is None:
        # A trace holds F32, F16 or BF16; anything else (float64) is stored as float32.
        dtype = t.dtype if t.dtype in STORED.values() else torch.float32
    return t.to(dtype).contiguous()


def capture(model, args, out, kwargs=None, layers=None, dtype=None, model_name=None, *,
            input=None, source=None, license=None):
    """Runs ``model(*args, **kwargs)`` under ``torch.no_grad()`` and writes the trace to ``out``.

    Every ``nn.Linear`` whose module name matches the regular expression ``layers`` (all when None)
    is recorded on each call: its input ``(s, d)`` (leading dimensions flattened; a batch must be 1),
    its weight ``(n, d)`` and its bias. Layers called with the same input tensor object (q/k/v,
    gate/up) share one activation, keyed ``NAME.input`` after the first of them, as StampSim's own
    captures key it. ``dtype`` is ``"f32"``, ``"f16"``, ``"bf16"`` or None (keep; float64 becomes f32).
    ``input`` is the manifest's input entry (default: kind ``other``). Returns the manifest.
    """
    if dtype is not None and dtype not in STORED:
        raise ValueError("dtype must be one of %s, got %r" % (", ".join(STORED), dtype))
    store = STORED.get(dtype)
    pattern = re.compile(layers) if layers is not None else None
    tensors, entries, calls = {}, [], {}
    # id(x) -> (x, key): holding x keeps its id from being reused by another tensor.
    seen = {}

    def hook(module_name, module):
        def pre_hook(_module, inputs):
            # A module called more than once (shared weights) gets one layer per call.
            calls[module_name] = calls.get(module_name, 0) + 1
            name = module_name if calls[module_name] == 1 else "%s#%d" % (module_name, calls[module_name])
            x = inputs[0]
            if x.dim() > 2 and x.shape[0] != 1:
                raise ValueError("%s: batch size %d; a trace holds one sequence" % (name, x.shape[0]))
            if id(x) in seen:
                key = seen[id(x)][1]
            else:
                key = name + ".input"
                seen[id(x)] = (x, key)
                tensors[key] = _stored(x.reshape(-1, x.shape[-1]), store)
            entry = {"name": name, "kind": kind_of(module_name), "activation": key, "weight": name + ".weight"}
            if block_of(module_name) is not None:
                entry["block"] = block_of(module_name)
            tensors[name + ".weight"] = _stored(module.weight, store)
            if module.bias is not None:
                entry["bias"] = name + ".bias"
                tensors[name + ".bias"] = _stored(module.bias, store)
            entries.append(entry)
        return pre_hook

    handles = [m.register_forward_pre_hook(hook(n, m)) for n, m in model.named_modules()
               if isinstance(m, nn.Linear) and (pattern is None or pattern.search(n))]
    try:
        with torch.no_grad():
            model(*args, **(kwargs or {}))
    finally:
        for h in handles:
            h.remove()
    if not entries:
        raise ValueError("no nn.Linear layer ran" + (" matching %r" % layers if layers is not None else ""))
    manifest = {"format_version": FORMAT_VERSION, "model": model_name or type(model).__name__,
                "input": input or {"kind": "other", "description": "model(*args, **kwargs) as given to stampsim_capture.capture"},
                "layers": entries}
    if source:
        manifest["source"] = source
    if license:
        manifest["license"] = license
    write_safetensors(out, tensors, {METADATA_KEY: json.dumps(manifest)})
    return manifest
