"""A small PyTorch implementation of the stories260K (llama2.c) architecture, for testing stampsim_capture.

Loads the Meta-named stories260K.safetensors (config.json beside it), runs the token ids given in a
file (one per line, BOS included) in float64, and captures every nn.Linear with stampsim_capture.
Module names match StampSim's C# model (layers.N.attention.wq, layers.N.feed_forward.w2, output),
so the two traces can be compared layer by layer.

    PYTHONPATH=tools/python python3 tools/python/tests/stories260k.py --model M.safetensors --ids ids.txt --out T.safetensors
"""
import argparse
import json
import math
import os

import torch
from torch import nn

from stampsim_capture import capture, read_safetensors


class RMSNorm(nn.Module):
    def __init__(self, dim, eps):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return self.weight * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps))


def rope(x, positions, theta):
    """llama2.c's interleaved pairs: (x[2i], x[2i+1]) rotated by pos * theta^(-2i/head_size)."""
    head = x.shape[-1]
    freq = 1.0 / theta ** (torch.arange(0, head, 2, dtype=torch.float64) / head)
    angle = positions[:, None].to(torch.float64) * freq[None, :]
    cos, sin = torch.cos(angle)[:, None, :], torch.sin(angle)[:, None, :]
    a, b = x[..., 0::2], x[..., 1::2]
    return torch.stack((a * cos - b * sin, a * sin + b * cos), dim=-1).flatten(-2)


class Attention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.heads, self.kv_heads, self.head = c["n_heads"], c["n_kv_heads"], c["dim"] // c["n_heads"]
        self.theta = c["rope_theta"]
        self.wq = nn.Linear(c["dim"], self.heads * self.head, bias=False)
        self.wk = nn.Linear(c["dim"], self.kv_heads * self.head, bias=False)
        self.wv = nn.Linear(c["dim"], self.kv_heads * self.head, bias=False)
        self.wo = nn.Linear(self.heads * self.head, c["dim"], bias=False)

    def forward(self, x):
        s = x.shape[0]
        pos = torch.arange(s)
        q = rope(self.wq(x).view(s, self.heads, self.head), pos, self.theta)
        k = rope(self.wk(x).view(s, self.kv_heads, self.head), pos, self.theta)
        v = self.wv(x).view(s, self.kv_heads, self.head)
        repeat = self.heads // self.kv_heads
        k, v = k.repeat_interleave(repeat, dim=1), v.repeat_interleave(repeat, dim=1)
        scores = torch.einsum("qhd,khd->hqk", q, k) / math.sqrt(self.head)
        scores = scores.masked_fill(torch.triu(torch.ones(s, s, dtype=torch.bool), 1), float("-inf"))
        out = torch.einsum("hqk,khd->qhd", torch.softmax(scores, dim=-1), v).reshape(s, -1)
        return self.wo(out)


class FeedForward(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.w1 = nn.Linear(c["dim"], c["hidden_dim"], bias=False)
        self.w2 = nn.Linear(c["hidden_dim"], c["dim"], bias=False)
        self.w3 = nn.Linear(c["dim"], c["hidden_dim"], bias=False)

    def forward(self, x):
        return self.w2(nn.functional.silu(self.w1(x)) * self.w3(x))


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.attention_norm = RMSNorm(c["dim"], c["norm_eps"])
        self.attention = Attention(c)
        self.ffn_norm = RMSNorm(c["dim"], c["norm_eps"])
        self.feed_forward = FeedForward(c)

    def forward(self, x):
        x = x + self.attention(self.attention_norm(x))
        return x + self.feed_forward(self.ffn_norm(x))


class Stories(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.tok_embeddings = nn.Embedding(c["vocab_size"], c["dim"])
        self.layers = nn.ModuleList(Block(c) for _ in range(c["n_layers"]))
        self.norm = RMSNorm(c["dim"], c["norm_eps"])
        self.output = nn.Linear(c["dim"], c["vocab_size"], bias=False)
        self.output.weight = self.tok_embeddings.weight  # tied classifier

    def forward(self, ids):
        x = self.tok_embeddings(ids)
        for layer in self.layers:
            x = layer(x)
        return self.output(self.norm(x))


def load(path):
    with open(os.path.join(os.path.dirname(path), "config.json"), encoding="utf-8") as f:
        config = json.load(f)
    model = Stories(config)
    tensors, _ = read_safetensors(path)
    missing, unexpected = model.load_state_dict(tensors, strict=False)
    # output.weight is tied to tok_embeddings.weight, so the file does not hold it.
    if [m for m in missing if m != "output.weight"] or unexpected:
        raise SystemExit("%s: missing %s, unexpected %s" % (path, missing, unexpected))
    return model.double().eval()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", required=True)
    p.add_argument("--ids", required=True, help="token ids, one a line, BOS included")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    with open(a.ids, encoding="utf-8") as f:
        ids = [int(line) for line in f if line.strip()]
    manifest = capture(load(a.model), (torch.tensor(ids),), a.out, dtype="f32", model_name="stories260K",
                       input={"kind": "text", "description": "token ids of %s" % os.path.basename(a.ids), "token_ids": ids})
    print("captured %d layers" % len(manifest["layers"]))


if __name__ == "__main__":
    main()
