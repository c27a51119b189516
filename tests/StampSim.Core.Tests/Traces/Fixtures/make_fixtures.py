#!/usr/bin/python3
"""Writes the trace test fixtures in this folder.

The .npy/.npz files are written by NumPy itself (np.save, np.savez, np.savez_compressed). The
.safetensors files are written byte by byte from the published format
(https://github.com/huggingface/safetensors#format): an 8-byte little-endian header length N,
N bytes of JSON header (padded with spaces to a multiple of 8), then the raw little-endian data.

Every tensor holds value(k) = (k - 7) / 8 at flat index k (weights: (k % 5 - 2) / 4, biases: k / 2),
which F16 and BF16 represent exactly, so tests can check every element by formula.

Run with Debian's python3-numpy (1.24 was used): /usr/bin/python3 make_fixtures.py
"""
import json
import os
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def act(shape):
    return ((np.arange(np.prod(shape)) - 7) / 8).reshape(shape)


def weight(shape):
    return ((np.arange(np.prod(shape)) % 5 - 2) / 4).reshape(shape)


def bias(n):
    return np.arange(n) / 2


def raw(values, dtype):
    """Little-endian bytes of a float array in a safetensors dtype."""
    a = np.ascontiguousarray(values, dtype=np.float64)
    if dtype == "F32":
        return a.astype("<f4").tobytes()
    if dtype == "F16":
        return a.astype("<f2").tobytes()
    if dtype == "BF16":
        # Exact here: every fixture value has at most 8 significant bits.
        bits = a.astype("<f4").view("<u4") >> 16
        return bits.astype("<u2").tobytes()
    if dtype == "F64":
        return a.astype("<f8").tobytes()
    raise ValueError(dtype)


def safetensors(name, tensors, metadata=None, header_override=None, length_override=None, truncate=None):
    """tensors: list of (key, dtype, shape, bytes[, (begin, end)]), laid out in order unless offsets are given."""
    header = {}
    if metadata is not None:
        header["__metadata__"] = metadata
    data = b""
    offset = 0
    for t in tensors:
        key, dtype, shape, payload = t[:4]
        offsets = t[4] if len(t) > 4 else (offset, offset + len(payload))
        header[key] = {"dtype": dtype, "shape": list(shape), "data_offsets": list(offsets)}
        data += payload
        offset += len(payload)
    text = header_override if header_override is not None else json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    blob = struct.pack("<Q", length_override if length_override is not None else len(text)) + text + data
    if truncate is not None:
        blob = blob[:truncate]
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(blob)


def manifest(layers, **extra):
    m = {
        "format_version": 1,
        "model": "fixture-model",
        "source": "tests/StampSim.Core.Tests/Traces/Fixtures/make_fixtures.py",
        "license": "CC0-1.0",
        "input": {"kind": "text", "description": "three tokens", "files": ["prompt.txt"], "token_ids": [1, 15043, 3186]},
        "layers": layers,
    }
    m.update(extra)
    return {"stampsim_trace": json.dumps(m)}


LAYERS = [
    {"name": "blocks.0.attn.q", "kind": "attn.q", "block": 0, "activation": "act.0", "weight": "q.weight"},
    {"name": "blocks.0.attn.k", "kind": "attn.k", "block": 0, "activation": "act.0", "weight": "k.weight"},
    {"name": "blocks.0.mlp.down", "kind": "mlp.down", "block": 0, "activation": "act.1", "weight": "down.weight", "bias": "down.bias"},
]


def trace_tensors(dtype):
    return [
        ("act.0", dtype, (6, 4), raw(act((6, 4)), dtype)),
        ("q.weight", dtype, (3, 4), raw(weight((3, 4)), dtype)),
        ("k.weight", dtype, (2, 4), raw(weight((2, 4)), dtype)),
        ("act.1", dtype, (6, 3), raw(act((6, 3)), dtype)),
        ("down.weight", dtype, (4, 3), raw(weight((4, 3)), dtype)),
        ("down.bias", dtype, (4,), raw(bias(4), dtype)),
    ]


def main():
    # --- NumPy files -------------------------------------------------------------------------
    x = act((4, 3))
    np.save(os.path.join(HERE, "x_f4.npy"), x.astype("<f4"))
    np.save(os.path.join(HERE, "x_f2.npy"), x.astype("<f2"))
    x8 = x.copy()
    x8[1, 1] = 0.1  # not representable in float32: exactly one value is rounded
    np.save(os.path.join(HERE, "x_f8.npy"), x8.astype("<f8"))
    np.save(os.path.join(HERE, "x_be.npy"), x.astype(">f4"))
    np.save(os.path.join(HERE, "x_fortran.npy"), np.asfortranarray(x.astype("<f4")))
    np.save(os.path.join(HERE, "x_i4.npy"), np.arange(12, dtype="<i4").reshape(4, 3))
    np.save(os.path.join(HERE, "x_3d.npy"), x.astype("<f4").reshape(1, 4, 3))
    xn = x.astype("<f4")
    xn[2, 1] = np.nan
    np.save(os.path.join(HERE, "x_nan.npy"), xn)
    np.save(os.path.join(HERE, "w.npy"), weight((2, 3)).astype("<f4"))
    np.save(os.path.join(HERE, "b.npy"), bias(2).astype("<f4"))
    np.save(os.path.join(HERE, "w_bad_d.npy"), weight((2, 5)).astype("<f4"))
    np.savez(os.path.join(HERE, "layer.npz"), x=x.astype("<f4"), w=weight((2, 3)).astype("<f4"), b=bias(2).astype("<f4"))
    np.savez_compressed(os.path.join(HERE, "layer_compressed.npz"),
                        x=x.astype("<f2"), weight=weight((2, 3)).astype("<f4"), bias=bias(2).astype(">f4"))
    np.savez(os.path.join(HERE, "x_only.npz"), x=x.astype("<f4"))
    np.savez(os.path.join(HERE, "no_x.npz"), a=x.astype("<f4"), w=weight((2, 3)).astype("<f4"))

    # --- safetensors traces --------------------------------------------------------------------
    for dtype in ("F32", "F16", "BF16"):
        safetensors(f"trace_{dtype.lower()}.safetensors", trace_tensors(dtype), manifest(LAYERS))
    grid_layer = [{"name": "vit.0.qkv", "kind": "attn.qkv", "block": 0, "activation": "act", "weight": "w", "grid": "2x4", "prefix": 1}]
    safetensors("grid.safetensors", [("act", "F32", (9, 4), raw(act((9, 4)), "F32")), ("w", "F32", (3, 4), raw(weight((3, 4)), "F32"))],
                manifest(grid_layer))

    # --- malformed files: one defect each ----------------------------------------------------------
    good = trace_tensors("F32")
    safetensors("bad_truncated_header.safetensors", good, manifest(LAYERS), truncate=5)
    safetensors("bad_header_beyond_file.safetensors", good, manifest(LAYERS), length_override=1 << 20)
    overlap = [(k, d, s, b) for k, d, s, b in good]
    overlap[1] = overlap[1] + ((40, 88),)  # q.weight starts inside act.0 (bytes 0..96)
    safetensors("bad_overlap.safetensors", overlap, manifest(LAYERS))
    unknown = [("act.0", "F8_E4M3", (6, 4), bytes(24))] + good[1:]
    safetensors("bad_unknown_dtype.safetensors", unknown, manifest(LAYERS))
    mismatch = [("act.0", "F32", (6, 5), good[0][3])] + good[1:]
    safetensors("bad_shape_bytes.safetensors", mismatch, manifest(LAYERS))
    missing = [dict(l) for l in LAYERS]
    missing[2]["bias"] = "down.bias.missing"
    safetensors("bad_missing_key.safetensors", good, manifest(missing))
    a = act((6, 4))
    a[1, 2] = np.nan
    safetensors("bad_nan.safetensors", [("act.0", "F32", (6, 4), raw(a, "F32"))] + good[1:], manifest(LAYERS))
    safetensors("bad_json.safetensors", good, header_override=b'{"act.0": {"dtype": "F32",')
    safetensors("bad_no_manifest.safetensors", good, {"format": "pt"})
    safetensors("bad_manifest_json.safetensors", good, {"stampsim_trace": "{\"format_version\": 1, \"model\": "})
    f64 = [("act.0", "F64", (6, 4), raw(act((6, 4)), "F64"))] + good[1:]
    safetensors("bad_f64.safetensors", f64, manifest(LAYERS))
    wrong_d = [dict(l) for l in LAYERS]
    wrong_d[0]["weight"] = "down.weight"  # (4, 3) against activations (6, 4)
    safetensors("bad_weight_shape.safetensors", good, manifest(wrong_d))
    typo = [dict(l) for l in LAYERS]
    typo[0]["activations"] = typo[0].pop("activation")
    safetensors("bad_manifest_key.safetensors", good, manifest(typo))
    safetensors("bad_version.safetensors", good, manifest(LAYERS, format_version=2))


if __name__ == "__main__":
    main()
