"""A module that is not a transformer, for stampsim_capture: two linears read one input, a nested linear has a bias.

    PYTHONPATH=tools/python python3 tools/python/tests/plain_module.py --out T.safetensors
"""
import argparse

import torch
from torch import nn

from stampsim_capture import capture


class Plain(nn.Module):
    def __init__(self):
        super().__init__()
        self.left = nn.Linear(8, 6, bias=False)
        self.right = nn.Linear(8, 4, bias=False)
        self.inner = nn.Sequential(nn.ReLU(), nn.Linear(10, 3))

    def forward(self, x):
        both = torch.cat((self.left(x), self.right(x)), dim=-1)
        return self.inner(both)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    torch.manual_seed(0)
    model = Plain().eval()
    x = torch.randn(1, 5, 8)
    capture(model, (x,), a.out, model_name="plain")
    print("ok")


if __name__ == "__main__":
    main()
