#!/usr/bin/python3
"""Peers for the two image ops that /work/shared/peers/torchvision_aug.py does not time:
rotation (torchvision RandomRotation(15) on a uint8 CHW tensor, bilinear; cv2 getRotationMatrix2D +
warpAffine bilinear) and decode-to-tensor (full-size file bytes -> float32 CHW in [0,1]:
torchvision.io.decode_image + /255, cv2.imdecode + cvtColor + transpose + /255, PIL + ToTensor), and
normalize + collate of 32 images (ConvertImageDtype + Normalize per image, then torch.stack as a
DataLoader's default_collate does; numpy: the HWC normalize, then np.stack), reported per image.
Same protocol as torchvision_aug.py: images of the data folder resized to 256x256 with INTER_AREA
outside timing, 1 thread, round robin, 3 rounds of >= 0.5 s, median images/s.

Usage: /usr/bin/python3 bench/peers/image_peers_extra.py [IMAGE_DIR]
"""
import glob
import io
import json
import os
import random
import sys
import time

import cv2
import numpy as np
import torch
import torchvision
import torchvision.transforms as T
from PIL import Image
from threadpoolctl import threadpool_limits


def rounds(fn, data, min_time=0.5, n_rounds=3):
    for d in data:
        fn(d)
    rates = []
    k = 0
    for _ in range(n_rounds):
        calls = 0
        t0 = time.perf_counter()
        while True:
            fn(data[k % len(data)])
            k += 1
            calls += 1
            el = time.perf_counter() - t0
            if el >= min_time and calls >= len(data):
                break
        rates.append(calls / el)
    rates.sort()
    return rates[len(rates) // 2]


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/images"
    torch.set_num_threads(1)
    threadpool_limits(limits=1)
    cv2.setNumThreads(1)
    random.seed(0)
    torch.manual_seed(0)
    files = sorted(glob.glob(os.path.join(folder, "*.jpg")) + glob.glob(os.path.join(folder, "*.png")))
    raw = [open(f, "rb").read() for f in files]
    imgs = []
    for f in files:
        im = cv2.cvtColor(cv2.imread(f, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
        imgs.append(np.ascontiguousarray(cv2.resize(im, (256, 256), interpolation=cv2.INTER_AREA)))
    tens = [torch.from_numpy(im).permute(2, 0, 1).contiguous() for im in imgs]
    rot = T.RandomRotation(15, interpolation=T.InterpolationMode.BILINEAR)

    def cv2_rotate(im):
        h, w = im.shape[:2]
        m = cv2.getRotationMatrix2D((w / 2 - 0.5, h / 2 - 0.5), random.uniform(-15, 15), 1.0)
        return cv2.warpAffine(im, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)

    def tv_decode(b):
        t = torchvision.io.decode_image(torch.frombuffer(bytearray(b), dtype=torch.uint8), torchvision.io.ImageReadMode.RGB)
        return t.float().div_(255.0)

    def cv2_decode(b):
        im = cv2.imdecode(np.frombuffer(b, np.uint8), cv2.IMREAD_COLOR)
        im = cv2.cvtColor(im, cv2.COLOR_BGR2RGB)
        return np.ascontiguousarray(im.transpose(2, 0, 1)).astype(np.float32) * (1.0 / 255.0)

    to_tensor = T.ToTensor()

    def pil_decode(b):
        return to_tensor(Image.open(io.BytesIO(b)).convert("RGB"))

    # normalize + collate of 32 images (what a DataLoader's default_collate does after a per-sample
    # ConvertImageDtype + Normalize: torch.stack); reported per image
    batch = 32
    norm = T.Compose([T.ConvertImageDtype(torch.float32), T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    tens_batches = [[tens[(s + i) % len(tens)] for i in range(batch)] for s in range(len(tens))]
    img_batches = [[imgs[(s + i) % len(imgs)] for i in range(batch)] for s in range(len(imgs))]
    mean = np.array([0.485, 0.456, 0.406], dtype=np.float32)
    std = np.array([0.229, 0.224, 0.225], dtype=np.float32)

    def tv_normalize_collate(b):
        return torch.stack([norm(t) for t in b])

    def np_normalize_collate(b):
        return np.stack([(im.astype(np.float32) * (1.0 / 255.0) - mean) / std for im in b])

    res = {}
    for name, fn, data in [("tv_normalize_collate32", tv_normalize_collate, tens_batches),
                           ("numpy_normalize_collate32", np_normalize_collate, img_batches)]:
        r = rounds(fn, data) * batch
        res[name] = round(r, 1)
        print("%-36s %10.1f images/s (%.1f us/image)" % (name, r, 1e6 / r), flush=True)
    for name, fn, data in [("tv_tensor_random_rotation_bilinear", rot, tens), ("cv2_rotate_bilinear", cv2_rotate, imgs),
                           ("tv_decode_to_tensor", tv_decode, raw), ("cv2_decode_to_tensor", cv2_decode, raw),
                           ("pil_decode_to_tensor", pil_decode, raw)]:
        r = rounds(fn, data)
        res[name] = round(r, 1)
        print("%-36s %10.1f images/s (%.1f us/image)" % (name, r, 1e6 / r), flush=True)
    print(json.dumps({"image_peers_extra": res, "n_images": len(files)}))


if __name__ == "__main__":
    main()
