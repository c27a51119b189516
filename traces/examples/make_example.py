#!/usr/bin/env python3
"""Writes the small synthetic example layer used by `stampsim layer` in the README:
AR(1) activations along the sequence (rho = 0.95) with two outlier channels, Gaussian weights.
Deterministic (NumPy's PCG64 with a fixed seed)."""
import numpy as np

rng = np.random.default_rng(2510)
s, d, n, rho = 256, 128, 128, 0.95
e = rng.standard_normal((s, d))
x = np.empty_like(e)
x[0] = e[0]
for i in range(1, s):
    x[i] = rho * x[i - 1] + np.sqrt(1 - rho * rho) * e[i]
x[:, :2] *= 20.0
np.save("x.npy", x.astype(np.float32))
np.save("w.npy", (rng.standard_normal((n, d)) / np.sqrt(d)).astype(np.float32))
np.save("b.npy", (0.1 * rng.standard_normal(n)).astype(np.float32))
