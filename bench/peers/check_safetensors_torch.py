#!/usr/bin/python3
"""Loads a Cauce checkpoint (model.safetensors) into PyTorch and evaluates it on the MNIST test split,
so that the test loss and accuracy can be compared with the ones `cauce train` printed.

The safetensors file is parsed with NumPy alone (Debian's python3-torch 1.13 has no safetensors
loader and the `safetensors` package is not installed): 8-byte little-endian header length, a JSON
header {name: {dtype, shape, data_offsets}} plus "__metadata__", then the raw little-endian data.
Cauce stores Dense weights as (in, out); torch.nn.Linear wants (out, in), so they are transposed.
Supports the MLP models (`mlp(...)` or specs of dense/relu layers), the default of `cauce train`.

Usage:
  ./cauce train --epochs 2 --checkpoint /tmp/ck       # prints "test loss: ..." and "test accuracy: ..."
  /usr/bin/python3 bench/peers/check_safetensors_torch.py /tmp/ck/model.safetensors samples/mnist
Prints the same two lines (computed by torch) and a last JSON line.
"""
import gzip
import json
import os
import re
import struct
import sys

import numpy as np
import torch

DTYPES = {"F32": np.float32, "F64": np.float64, "F16": np.float16, "I64": np.int64, "I32": np.int32,
          "I16": np.int16, "I8": np.int8, "U8": np.uint8, "BOOL": np.bool_}


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    base = 8 + n
    tensors = {}
    for name, t in header.items():
        start, end = t["data_offsets"]
        dtype = np.dtype(DTYPES[t["dtype"]]).newbyteorder("<")
        a = np.frombuffer(raw, dtype=dtype, count=(end - start) // dtype.itemsize, offset=base + start)
        tensors[name] = a.reshape(t["shape"]).astype(a.dtype.newbyteorder("="))
    return tensors, meta


def read_idx(path):
    with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
        raw = f.read()
    ndim = raw[3]
    dims = struct.unpack(">" + "I" * ndim, raw[4:4 + 4 * ndim])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def find(data_dir, stem):
    for prefix in ("test", "t10k"):
        for ext in ("", ".gz"):
            p = os.path.join(data_dir, f"{prefix}-{stem}{ext}")
            if os.path.exists(p):
                return p
    sys.exit(f"{data_dir}: no test-{stem}[.gz] or t10k-{stem}[.gz]")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    tensors, meta = read_safetensors(sys.argv[1])
    cfg = json.loads(meta.get("cauce.config", "{}")) if "cauce.config" in meta else {}
    names = {k[:-len(".weight")] for k in tensors if k.endswith(".weight")}
    other = sorted(n for n in names if not re.fullmatch(r"dense\d+", n))
    if other:
        sys.exit(f"{sys.argv[1]}: layers {other} are not denseN layers; this check supports MLP models only")
    dense = sorted(names, key=lambda n: int(n[len("dense"):]))
    layers = []
    for i, name in enumerate(dense):
        w = tensors[name + ".weight"]
        if w.ndim != 2:
            sys.exit(f"{sys.argv[1]}: {name}.weight has shape {w.shape}; this check supports dense (MLP) models only")
        lin = torch.nn.Linear(w.shape[0], w.shape[1])
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(np.ascontiguousarray(w.T)))
            lin.bias.copy_(torch.from_numpy(tensors[name + ".bias"]))
        layers.append(lin)
        if i + 1 < len(dense):
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers).eval()
    x = read_idx(find(sys.argv[2], "images-idx3-ubyte")).reshape(-1, 784).astype(np.float32) / np.float32(255)
    y = read_idx(find(sys.argv[2], "labels-idx1-ubyte")).astype(np.int64)
    with torch.no_grad():
        logits = model(torch.from_numpy(x))
        loss = torch.nn.functional.cross_entropy(logits, torch.from_numpy(y)).item()
        acc = (logits.argmax(1).numpy() == y).mean()
    print(f"test loss: {loss:.4f}")
    print(f"test accuracy: {acc:.4f}")
    print(json.dumps({"file": sys.argv[1], "tensors": {k: list(v.shape) for k, v in tensors.items()},
                      "model": cfg.get("model"), "epoch": cfg.get("epoch"), "torch": torch.__version__,
                      "test_loss": round(loss, 6), "test_acc": float(acc)}))


if __name__ == "__main__":
    main()
