"""The safetensors container, read and written with torch alone (no ``safetensors`` package)."""
import json
import os
import struct

import torch

DTYPES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.float64: "F64",
          torch.int64: "I64", torch.int32: "I32"}
TORCH_DTYPES = {v: k for k, v in DTYPES.items()}
# Same-width integer views, so bf16 (which numpy lacks) goes through bytes like the rest.
VIEWS = {torch.float32: torch.int32, torch.float16: torch.int16, torch.bfloat16: torch.int16,
         torch.float64: torch.int64, torch.int64: torch.int64, torch.int32: torch.int32}


def _bytes(t):
    t = t.detach().to("cpu").contiguous()
    return t.view(VIEWS[t.dtype]).numpy().astype("<i%d" % t.element_size(), copy=False).tobytes()


def write_safetensors(path, tensors, metadata=None):
    """Writes ``tensors`` (name -> tensor, in order) atomically: the file appears whole or not at all.

    The header is padded with spaces so the data section starts 8-byte aligned, as StampSim writes it.
    """
    header, blobs, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    for key, t in tensors.items():
        if t.dtype not in DTYPES:
            raise ValueError("tensor %r: dtype %s cannot be stored" % (key, t.dtype))
        blob = _bytes(t)
        header[key] = {"dtype": DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
    raw += b" " * (-(8 + len(raw)) % 8)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for blob in blobs:
            f.write(blob)
    os.replace(tmp, path)


def read_safetensors(path):
    """Reads a safetensors file: (name -> tensor, metadata dict)."""
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    base = 8 + n
    tensors = {}
    for key, info in header.items():
        begin, end = info["data_offsets"]
        dtype = TORCH_DTYPES[info["dtype"]]
        flat = torch.frombuffer(bytearray(data[base + begin:base + end]), dtype=VIEWS[dtype]).view(dtype)
        tensors[key] = flat.reshape(info["shape"]).clone()
    return tensors, metadata
