#!/usr/bin/env python3
"""Independent NumPy implementation of shared/spec/numerics.md, written literally from the
contract (one float32 operation at a time), used to generate the golden fixtures in cases/.

Run:  python3 golden_reference.py      (needs NumPy; Debian's python3-numpy is enough)

Each case is written as cases/<name>.npz (inputs and every intermediate) plus
cases/<name>.json (the numerics keys and mac_array.rows). The C# tests replay the inputs
through StampSim and compare every stage bit for bit (DCT: within 1 ulp, as the contract allows).
"""
import json
import math
import os

import numpy as np

f32 = np.float32
C = f32(1.0 / math.sqrt(2.0))  # f32(1/sqrt(2)) = 0.70710677f


# ---- stage 0 / wht: WHT_m along axis 0 of a 2-D array --------------------------------------
def wht_axis0(v):
    v = v.astype(f32).copy()
    m = v.shape[0]
    h = 1
    while h < m:
        for i in range(0, m, 2 * h):
            x = v[i:i + h].copy()
            y = v[i + h:i + 2 * h].copy()
            v[i:i + h] = x + y
            v[i + h:i + 2 * h] = x - y
        h *= 2
    return v * f32(1.0 / math.sqrt(m))


# ---- haar (1-D) ---------------------------------------------------------------------------
def haar_forward(v, levels):
    details = []
    a = v
    for _ in range(levels):
        m = a.shape[0]
        p = m // 2
        lo = (a[0:2 * p:2] + a[1:2 * p:2]) * C
        hi = (a[0:2 * p:2] - a[1:2 * p:2]) * C
        if m % 2:
            lo = np.concatenate([lo, a[m - 1:m]])
        details.insert(0, hi)
        a = lo
    return np.concatenate([a] + details)


def haar_inverse(t, levels, s):
    lengths = [s]
    for _ in range(levels):
        lengths.append((lengths[-1] + 1) // 2)
    out = t.copy()
    for level in range(levels - 1, -1, -1):
        m = lengths[level]
        p, approx = m // 2, (m + 1) // 2
        a = out[0:approx]
        e = out[approx:m]
        v = np.empty((m,) + t.shape[1:], dtype=f32)
        v[0:2 * p:2] = (a[:p] + e) * C
        v[1:2 * p:2] = (a[:p] - e) * C
        if m % 2:
            v[m - 1] = a[p]
        out[0:m] = v
    return out


def haar_auto_levels(s, hi):
    best = 0
    j = 1
    while (1 << j) <= s:
        if -(-s // (1 << j)) >= hi:
            best = j
        j += 1
    return best


# ---- haar2d ---------------------------------------------------------------------------------
def pair(x, y):
    return (x + y) * C, (x - y) * C


def haar2d_forward(v, H, W, levels):
    d = v.shape[1]
    A = v.reshape(H, W, d)
    bands = []
    for _ in range(levels):
        Lw, Hw = pair(A[:, 0::2], A[:, 1::2])          # width first
        LL, LH = pair(Lw[0::2], Lw[1::2])              # low-in-width, then height
        HL, HH = pair(Hw[0::2], Hw[1::2])
        bands.insert(0, [HL, LH, HH])
        A = LL
    out = [A.reshape(-1, d)]
    for hl, lh, hh in bands:
        out += [hl.reshape(-1, d), lh.reshape(-1, d), hh.reshape(-1, d)]
    return np.concatenate(out)


def haar2d_inverse(t, H, W, levels):
    d = t.shape[1]
    h, w = H >> levels, W >> levels
    q = h * w
    A = t[0:q].reshape(h, w, d)
    pos = q
    for _ in range(levels):
        HL = t[pos:pos + q].reshape(h, w, d)
        LH = t[pos + q:pos + 2 * q].reshape(h, w, d)
        HH = t[pos + 2 * q:pos + 3 * q].reshape(h, w, d)
        pos += 3 * q
        Lw = np.empty((2 * h, w, d), f32)
        Hw = np.empty((2 * h, w, d), f32)
        Lw[0::2], Lw[1::2] = pair(A, LH)
        Hw[0::2], Hw[1::2] = pair(HL, HH)
        B = np.empty((2 * h, 2 * w, d), f32)
        B[:, 0::2], B[:, 1::2] = pair(Lw, Hw)
        A = B
        h, w, q = 2 * h, 2 * w, 4 * q
    return A.reshape(-1, d)


def haar2d_auto_levels(H, W, hi):
    best = 0
    for j in range(1, 16):
        f = 1 << j
        if H % f or W % f:
            break
        if (H // f) * (W // f) >= hi:
            best = j
    return best


# ---- dct -----------------------------------------------------------------------------------
def dct_matrix(s):
    k = np.arange(s)[:, None]
    n = np.arange(s)[None, :]
    m = ((2 * n + 1) * k) % (4 * s)
    norm = np.where(k == 0, math.sqrt(1.0 / s), math.sqrt(2.0 / s))
    return norm * np.cos(np.pi * m / (2.0 * s))


# ---- quantizers ----------------------------------------------------------------------------
def quant_minmax(x, bits):
    B = f32((1 << bits) - 1)
    mn = x.min()
    mx = x.max()
    delta = (mx - mn) / B
    if delta == 0:
        return np.zeros(x.shape, np.int64), delta, mn
    q = np.clip(np.round((x - mn) / delta), 0, B)
    return q.astype(np.int64), delta, mn


def quant_symmetric(x, bits):
    qmax = f32((1 << (bits - 1)) - 1)
    delta = np.abs(x).max() / qmax
    if delta == 0:
        return np.zeros(x.shape, np.int64), delta, f32(0)
    q = np.clip(np.round(x / delta), -qmax, qmax)
    return q.astype(np.int64), delta, f32(0)


def bring(v, bits, mode):
    lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    out_of_range = (v < lo) | (v > hi)
    if mode == "saturate":
        r = np.clip(v, lo, hi)
    else:
        r = ((v - lo) % (1 << bits)) + lo
    return r, int(out_of_range.sum())


# ---- the layer -----------------------------------------------------------------------------
def run(x, w, b, cfg):
    s, d = x.shape
    n = w.shape[0]
    x = x.astype(f32)
    w = w.astype(f32)
    if cfg["feature_transform"] == "hadamard":
        x = wht_axis0(x.T).T.copy()
        w = wht_axis0(w.T).T.copy()
    prefix = cfg["prefix_tokens"]
    body = x[prefix:]
    sb = s - prefix
    hi_rest = max(0, cfg["hi_tokens"] - prefix)
    t = cfg["transform"]
    levels = 0
    if t == "haar":
        levels = cfg["levels"] if cfg["levels"] != "auto" else haar_auto_levels(sb, hi_rest)
        body = haar_forward(body, levels)
    elif t == "haar2d":
        H, W = cfg["grid"]
        levels = cfg["levels"] if cfg["levels"] != "auto" else haar2d_auto_levels(H, W, hi_rest)
        body = haar2d_forward(body, H, W, levels)
    elif t == "wht":
        body = wht_axis0(body)
    elif t == "dct":
        body = (dct_matrix(sb) @ body.astype(np.float64)).astype(f32)
    lx = np.concatenate([x[:prefix], body]).astype(f32)

    g = cfg["act_group"] or d
    G = d // g
    bits = np.array([cfg["hi_bits"] if i < cfg["hi_tokens"] else cfg["lo_bits"] for i in range(s)])
    q = np.zeros((s, d), np.int64)
    delta = np.zeros((s, G), f32)
    mn = np.zeros((s, G), f32)
    for i in range(s):
        for k in range(G):
            seg = lx[i, k * g:(k + 1) * g]
            if cfg["act_quant"] == "minmax":
                q[i, k * g:(k + 1) * g], delta[i, k], mn[i, k] = quant_minmax(seg, bits[i])
            else:
                q[i, k * g:(k + 1) * g], delta[i, k], mn[i, k] = quant_symmetric(seg, bits[i])

    qmax = f32((1 << (cfg["weight_bits"] - 1)) - 1)
    sw = np.abs(w).max(axis=1) / qmax
    qw = np.zeros((n, d), np.int64)
    for r in range(n):
        if sw[r] != 0:
            qw[r] = np.clip(np.round(w[r] / sw[r]), -qmax, qmax).astype(np.int64)
    rowsum = np.stack([qw[:, k * g:(k + 1) * g].sum(axis=1) for k in range(G)])  # (G, n)

    R = cfg["rows"]
    acc_cfg = cfg["accumulator"]
    acc = np.zeros((s, G, n), np.int64)
    tree_events = acc_events = 0
    for k in range(G):
        a = np.zeros((s, n), np.int64)
        for c0 in range(0, g, R):
            j0, j1 = k * g + c0, k * g + min(g, c0 + R)
            chunk = q[:, j0:j1] @ qw[:, j0:j1].T
            chunk, e1 = bring(chunk, acc_cfg["tree_bits"], acc_cfg["overflow"])
            a, e2 = bring(a + chunk, acc_cfg["acc_bits"], acc_cfg["overflow"])
            tree_events += e1
            acc_events += e2
        acc[:, k, :] = a

    yt = None
    for k in range(G):
        rsw = rowsum[k].astype(f32) * sw
        term = acc[:, k, :].astype(f32) * (delta[:, k:k + 1] * sw[None, :]) + mn[:, k:k + 1] * rsw[None, :]
        yt = term if yt is None else yt + term
    yt = yt.astype(f32)

    body = yt[prefix:]
    if t == "haar":
        body = haar_inverse(body, levels, sb)
    elif t == "haar2d":
        body = haar2d_inverse(body, cfg["grid"][0], cfg["grid"][1], levels)
    elif t == "wht":
        body = wht_axis0(body)
    elif t == "dct":
        body = (dct_matrix(sb).T @ body.astype(np.float64)).astype(f32)
    y = np.concatenate([yt[:prefix], body]).astype(f32)
    if b is not None:
        y = y + b.astype(f32)
    return dict(lx=lx, codes=q, delta=delta, mn=mn, qw=qw, sw=sw.astype(f32), acc=acc, yt=yt, y=y,
                levels=levels, tree_events=tree_events, acc_events=acc_events)


DEFAULTS = dict(transform="haar", levels="auto", grid=None, prefix_tokens=0, hi_tokens=64, hi_bits=8, lo_bits=4,
                act_quant="minmax", act_group=0, weight_bits=4, feature_transform="none",
                accumulator=dict(tree_bits=32, acc_bits=32, overflow="saturate"), rows=16)


def activations(rng, s, d, rho=0.9, outliers=2):
    e = rng.standard_normal((s, d)).astype(np.float64)
    x = np.empty_like(e)
    x[0] = e[0]
    for i in range(1, s):
        x[i] = rho * x[i - 1] + math.sqrt(1 - rho * rho) * e[i]
    x[:, :outliers] *= 20.0
    return x.astype(f32)


CASES = [
    ("haar_odd", dict(hi_tokens=8), (77, 64, 40), True),
    ("haar_levels3_hadamard_sym_w8_group", dict(levels=3, feature_transform="hadamard", act_quant="symmetric", weight_bits=8, act_group=16, hi_tokens=5), (64, 64, 24), True),
    ("haar2d_prefix", dict(transform="haar2d", grid=[8, 12], prefix_tokens=1, hi_tokens=7), (97, 32, 20), True),
    ("wht_group_bits", dict(transform="wht", act_group=32, hi_bits=6, lo_bits=3, weight_bits=3, hi_tokens=10), (64, 64, 24), False),
    ("dct", dict(transform="dct", hi_tokens=6), (50, 32, 16), True),
    ("none_saturate", dict(transform="none", hi_tokens=3, rows=8, accumulator=dict(tree_bits=12, acc_bits=11, overflow="saturate")), (20, 64, 16), False),
    ("none_wrap", dict(transform="none", hi_tokens=3, rows=8, accumulator=dict(tree_bits=12, acc_bits=11, overflow="wrap")), (20, 64, 16), False),
    ("haar_rows5_group20_wrap", dict(hi_tokens=4, rows=5, act_group=20, accumulator=dict(tree_bits=11, acc_bits=16, overflow="wrap")), (33, 60, 18), True),
    ("two_bit", dict(hi_tokens=2, hi_bits=2, lo_bits=2, weight_bits=2), (19, 24, 8), True),
    ("haar_zero_rows", dict(hi_tokens=4, levels=2), (12, 16, 8), False),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "cases")
    os.makedirs(out, exist_ok=True)
    for index, (name, overrides, (s, d, n), with_bias) in enumerate(CASES):
        rng = np.random.default_rng(1000 + index)
        cfg = json.loads(json.dumps(DEFAULTS))
        for k, v in overrides.items():
            cfg[k] = v
        x = activations(rng, s, d)
        if name == "haar_zero_rows":
            x[3] = 0.0          # a constant token: delta == 0
            x[:, 5] = 0.0
        w = (rng.standard_normal((n, d)) * 0.05).astype(f32)
        if name == "haar_zero_rows":
            w[2] = 0.0          # a zero weight row: sw == 0
        b = rng.standard_normal(n).astype(f32) if with_bias else None
        r = run(x, w, b, cfg)
        arrays = dict(x=x, w=w, lx=r["lx"], codes=r["codes"].astype(np.int16), delta=r["delta"], mn=r["mn"],
                      qw=r["qw"].astype(np.int8), sw=r["sw"],
                      acc=r["acc"], yt=r["yt"], y=r["y"])
        if b is not None:
            arrays["b"] = b
        np.savez_compressed(os.path.join(out, name + ".npz"), **arrays)
        numerics = {k: v for k, v in cfg.items() if k != "rows" and v is not None}
        if cfg["grid"]:
            numerics["grid"] = f"{cfg['grid'][0]}x{cfg['grid'][1]}"
        meta = dict(numerics=numerics, mac_array=dict(rows=cfg["rows"]), levels=r["levels"],
                    tree_events=r["tree_events"], acc_events=r["acc_events"])
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(meta, f, indent=2)
        print(f"{name}: s={s} d={d} n={n} levels={r['levels']} events={r['tree_events']}+{r['acc_events']}")


if __name__ == "__main__":
    main()
