"""Layer kinds and block indices from module names, as StampSim's own captures name them."""
import re

# Module-name endings -> the manifest's layer kinds (first match wins; anything else is "linear").
# The same roles StampSim's C# models and ONNX capture give (ViT/BERT GELU MLPs are fc1/fc2).
KINDS = [
    ("q_proj", "attn.q"), ("k_proj", "attn.k"), ("v_proj", "attn.v"), ("o_proj", "attn.o"),
    ("gate_proj", "mlp.gate"), ("up_proj", "mlp.up"), ("down_proj", "mlp.down"),
    ("attention.wq", "attn.q"), ("attention.wk", "attn.k"), ("attention.wv", "attn.v"), ("attention.wo", "attn.o"),
    ("feed_forward.w1", "mlp.gate"), ("feed_forward.w3", "mlp.up"), ("feed_forward.w2", "mlp.down"),
    (".query", "attn.q"), (".key", "attn.k"), (".value", "attn.v"),
    ("attention.output.dense", "attn.o"), ("intermediate.dense", "mlp.fc1"), ("output.dense", "mlp.fc2"),
    ("attn.qkv", "attn.qkv"), ("attn.proj", "attn.o"), ("mlp.fc1", "mlp.fc1"), ("mlp.fc2", "mlp.fc2"),
    ("c_attn", "attn.qkv"), ("lm_head", "lm_head"), ("classifier", "classifier"),
]

# Whole names of LM heads that say nothing on their own (llama2.c/Meta call it "output").
HEADS = {"output": "lm_head"}


def kind_of(name):
    """The trace kind of a module called ``name`` (``linear`` when the name does not tell)."""
    if name in HEADS:
        return HEADS[name]
    return next((kind for ending, kind in KINDS if name.endswith(ending)), "linear")


def block_of(name):
    """The transformer block index in a module path (``model.layers.3.mlp`` -> 3), or None."""
    m = re.search(r"(?:^|\.)(?:layer|layers|h|blocks|block)\.(\d+)\.", name + ".")
    return int(m.group(1)) if m else None
