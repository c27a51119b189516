"""Capture StampSim activation traces from any PyTorch module.

    from stampsim_capture import capture
    capture(model, (input_ids,), "trace.safetensors", layers=r"layers\.0\.", model_name="my-model")

runs ``model(*args, **kwargs)`` under ``torch.no_grad()``, records the input of every ``nn.Linear``
(with its weight and bias) and writes the StampSim trace format (traces/README.md) itself: only
``torch`` is needed. ``python3 -m stampsim_capture --model HF_ID`` does the same for a Hugging Face
model (that path needs ``transformers``).
"""
from .capture import capture
from .safetensors_file import read_safetensors, write_safetensors
from .names import block_of, kind_of

__all__ = ["capture", "read_safetensors", "write_safetensors", "block_of", "kind_of"]
