#!/usr/bin/env python3
"""Recomputes every derived energy in hwconfigs/*.yaml (see README.md for the sources).

Run `python3 hwconfigs/derive_energies.py` to print the per-config tables; the YAML files carry
these numbers rounded to 4 significant digits. Nothing here is read by StampSim itself.
"""
import math

# --- M. Horowitz, "Computing's energy problem (and what we can do about it)", ISSCC 2014, 45 nm, 0.9 V
H_ADD8, H_ADD32 = 0.03, 0.1          # integer add, pJ
H_MUL8 = 0.2                         # 8b x 8b integer multiply, pJ
H_FADD16, H_FADD32 = 0.4, 0.9        # FP add, pJ
H_FMUL16, H_FMUL32 = 1.1, 3.7        # FP multiply, pJ
H_CACHE = [(8, 10.0), (32, 20.0), (1024, 100.0)]  # (KB, pJ per 64-bit access)
H_DRAM_64B = (1300.0, 2600.0)        # pJ per 64-bit DRAM access (cross-check only)

# --- Bit Fusion authors' synthesis table (github.com/hsharma35/bitfusion, results/systolic_array_synth.csv),
# 45 nm (Sharma et al., ISCA 2018), 500 MHz. Rows: N x M array of units, max/min precision, dynamic power (nW).
BF_FREQ = 500e6
BF_FUSED_4x4_8_2_DYN_NW = 3673500    # N=4, M=4, pmax=8, pmin=2: 16 fusion units of 16 2-bit BitBricks
BF_PLAIN_4x4_4_4_DYN_NW = 659402     # N=4, M=4, pmax=pmin=4: 16 plain 4-bit PEs (cross-check)
BF_PLAIN_4x4_8_8_DYN_NW = 1627500    # N=4, M=4, pmax=pmin=8: 16 plain 8-bit PEs (cross-check)

# --- DRAM (pJ per bit)
LPDDR4_PJ_BIT = 14.0                 # Ha, Stanford PhD thesis 2018, 32Gb LPDDR4 SDP, 3.2 Gb/s/pin (DramDSE)
LPDDR5_VS_LPDDR4X = 0.70             # Samsung LPDDR5 announcement: ~30 % lower power than LPDDR4X
HBM2_PJ_BIT = 3.97                   # O'Connor et al., "Fine-Grained DRAM", MICRO 2017

# --- Technology scaling, Accelergy hwcomponents scaling/techscaling.py (Stillmaker & Baas 2017 fits)
NODES = [130, 90, 65, 45, 32, 20, 16, 14, 10, 7]
ENERGY_SCALING = [
    [7.171, -6.709, 2.904], [4.762, -4.781, 2.092], [3.755, -4.398, 1.975], [1.103, -0.362, 0.2767],
    [0.9559, -0.7823, 0.471], [0.373, -0.1582, 0.04104], [0.2958, -0.1241, 0.03024],
    [0.2363, -0.09675, 0.02239], [0.2068, -0.09311, 0.02375], [0.1776, -0.09097, 0.02447],
]


def tech_energy_factor(from_nm, to_nm, vdd=0.8):
    """hwcomponents tech_node_energy(to, from) for nodes in the table (vdd defaults to 0.8 V there)."""
    f = lambda nm: sum(c * vdd ** (2 - i) for i, c in enumerate(ENERGY_SCALING[NODES.index(nm)]))
    return f(to_nm) / f(from_nm)


def int_mul(a_bits, w_bits):
    """Array multiplier: partial products ~ a*w bits, so scale Horowitz's 8x8 multiply by a*w/64."""
    return H_MUL8 * a_bits * w_bits / 64


def tree_bits_per_product(product_bits, rows):
    """Adder-tree bits per product: level l has rows/2^l adders of width product_bits + l."""
    levels = int(math.log2(rows))
    return sum((product_bits + l) / 2 ** l for l in range(1, levels + 1))


def mac(a_bits, w_bits, rows):
    """Multiply + its share of the adder tree (8b-add energy per bit) + 1/rows of a 32b accumulate."""
    tree = (H_ADD8 / 8) * tree_bits_per_product(a_bits + w_bits, rows)
    return int_mul(a_bits, w_bits) + tree + H_ADD32 / rows


def sram_pj_per_byte(capacity_bytes):
    """Horowitz cache points, power-law interpolation in size between them, clamped outside 8 KB..1 MB."""
    kb = capacity_bytes / 1024
    pts = H_CACHE
    if kb <= pts[0][0]:
        e = pts[0][1]
    elif kb >= pts[-1][0]:
        e = pts[-1][1]
    else:
        for (s0, e0), (s1, e1) in zip(pts, pts[1:]):
            if s0 <= kb <= s1:
                k = math.log(e1 / e0) / math.log(s1 / s0)
                e = e0 * (kb / s0) ** k
                break
    return e / 8  # 64-bit access -> per byte


QUANT_OP = (3 * H_FADD16 + 1 * H_FMUL16) / 4      # per element: 2 compares, 1 subtract, 1 scale
EPILOGUE_OP = (3 * H_FMUL32 + 2 * H_FADD32) / 5   # per output: convert(~add), 3 multiplies, 1 add

KiB, MiB = 1024, 1024 * 1024


def table(name, rows, mac_int4, mac_int8, buffers, dram_pj_byte, factor=1.0):
    out = {
        "mac_int4": mac_int4 * factor,
        "mac_int8_token": mac_int8 * factor,
        "dwt_add": H_FADD16 * factor,
        "dwt_mul": H_FMUL16 * factor,
        "quant_op": QUANT_OP * factor,
        "epilogue_op": EPILOGUE_OP * factor,
        "dram_read": dram_pj_byte,
        "dram_write": dram_pj_byte,
    }
    for b, cap in buffers.items():
        out[f"{b}_read"] = out[f"{b}_write"] = sram_pj_per_byte(cap) * factor
    print(f"\n## {name}")
    for k, v in out.items():
        print(f"  {k:22s} {v:.4g}")
    return out


if __name__ == "__main__":
    edge_buffers = {"act_buffer": 256 * KiB, "weight_buffer": 256 * KiB, "out_buffer": 128 * KiB}
    lpddr4 = LPDDR4_PJ_BIT * 8
    lpddr5 = LPDDR4_PJ_BIT * LPDDR5_VS_LPDDR4X * 8
    hbm2 = HBM2_PJ_BIT * 8

    table("edge-npu (45 nm)", 16, mac(4, 4, 16), 2 * mac(4, 4, 16), edge_buffers, lpddr4)
    table("int8-baseline (45 nm)", 16, mac(8, 8, 16), mac(8, 8, 16), edge_buffers, lpddr4)

    per_unit_cycle = BF_FUSED_4x4_8_2_DYN_NW * 1e-9 / BF_FREQ * 1e12 / 16  # pJ per fusion unit per cycle
    table("bitfusion (45 nm)", 16, per_unit_cycle / 4, per_unit_cycle / 2, edge_buffers, lpddr4)

    f7 = tech_energy_factor(45, 7)
    print(f"\n45 nm -> 7 nm energy factor (vdd 0.8 V): {f7:.4f}")
    table("mobile-npu (7 nm)", 32, mac(4, 4, 32), 2 * mac(4, 4, 32),
          {"act_buffer": 1 * MiB, "weight_buffer": 1 * MiB, "out_buffer": 512 * KiB}, lpddr5, f7)
    table("datacenter (45 nm)", 128, mac(8, 8, 128), mac(8, 8, 128),
          {"act_buffer": 8 * MiB, "weight_buffer": 8 * MiB, "out_buffer": 4 * MiB}, hbm2)

    print("\n## cross-checks")
    print(f"  Bit Fusion plain 4-bit PE, 4x4 array: {BF_PLAIN_4x4_4_4_DYN_NW * 1e-9 / BF_FREQ * 1e12 / 16:.4g} pJ/MAC"
          f" (Horowitz-derived 4x4 MAC, 16 rows: {mac(4, 4, 16):.4g})")
    print(f"  Bit Fusion plain 8-bit PE, 4x4 array: {BF_PLAIN_4x4_8_8_DYN_NW * 1e-9 / BF_FREQ * 1e12 / 16:.4g} pJ/MAC"
          f" (Horowitz-derived 8x8 MAC, 16 rows: {mac(8, 8, 16):.4g})")
    print(f"  Horowitz DRAM 1.3-2.6 nJ/64 bit = {H_DRAM_64B[0] / 64:.1f}-{H_DRAM_64B[1] / 64:.1f} pJ/bit"
          f" (LPDDR4 used: {LPDDR4_PJ_BIT} pJ/bit)")
