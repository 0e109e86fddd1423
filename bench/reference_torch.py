"""PyTorch reference for `npm run bench`: trains the same architecture on the same images.

Usage (the bench writes the inputs; see bench/torch-reference.ts):
  python3 bench/reference_torch.py --spec spec.json --images train.f32 --labels train.u8 \
      --count N [--batch 128] [--threads 2] [--batches B] [--seed 0]
  python3 bench/reference_torch.py --spec spec.json --params-only

spec.json is a Letter Lab ModelSpec (src-main/contract/spec.ts): the hidden layers, then the output
Dense(classes, softmax) the app always appends. train.f32 holds N*H*W float32 pixels (image k at
k*H*W, row-major, one channel), train.u8 the N class indices. One epoch (or B batches) of Adam/SGD/
RMSprop with the spec's learning rate and Keras's epsilons, shuffled, batch size 128 by default.
Prints one JSON line: samples/s of the training loop alone (model building and data loading
excluded, as in the TypeScript side), plus the mean loss and accuracy as a sanity check.
"""

import argparse
import json
import math
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

KERAS_EPSILON = 1e-7
KERAS_BN_EPSILON = 1e-3
KERAS_BN_MOMENTUM = 0.01  # torch's momentum = 1 - Keras's 0.99


def activation(name):
    table = {
        "relu": nn.ReLU(),
        "tanh": nn.Tanh(),
        "sigmoid": nn.Sigmoid(),
        "softmax": nn.Softmax(dim=1),
        "linear": nn.Identity(),
    }
    if name not in table:
        raise ValueError(f"unknown activation {name!r}")
    return table[name]


class SamePad(nn.Module):
    """Keras/TensorFlow 'same' padding: the extra row/column goes to the bottom/right."""

    def __init__(self, kernel, stride, value=0.0):
        super().__init__()
        self.kernel, self.stride, self.value = kernel, stride, value

    def forward(self, x):
        h, w = x.shape[2], x.shape[3]
        ph = max((math.ceil(h / self.stride) - 1) * self.stride + self.kernel - h, 0)
        pw = max((math.ceil(w / self.stride) - 1) * self.stride + self.kernel - w, 0)
        pad = (pw // 2, pw - pw // 2, ph // 2, ph - ph // 2)
        return F.pad(x, pad, value=self.value)


class GlobalPool(nn.Module):
    def __init__(self, kind):
        super().__init__()
        self.kind = kind

    def forward(self, x):
        return x.amax(dim=(2, 3)) if self.kind == "max" else x.mean(dim=(2, 3))


def glorot(module):
    """Keras's defaults: glorot-uniform kernels, zero biases."""
    if isinstance(module, (nn.Conv2d, nn.Linear)):
        nn.init.xavier_uniform_(module.weight)
        nn.init.zeros_(module.bias)


def build(spec):
    """nn.Sequential for the spec's layers plus the output Dense (logits: the loss adds softmax)."""
    inp = spec["input"]
    in_shape = (2, inp["channels"], inp["height"], inp["width"])
    shape = in_shape
    layers = []

    def add(*mods):
        layers.extend(mods)
        nonlocal shape
        with torch.no_grad():
            shape = tuple(nn.Sequential(*layers)(torch.zeros(in_shape)).shape)

    for layer in spec["layers"]:
        t = layer["type"]
        if t == "conv2d":
            k, s = layer["kernelSize"], layer["strides"]
            if layer["padding"] == "same":
                add(SamePad(k, s))
            add(nn.Conv2d(shape[1], layer["filters"], k, stride=s), activation(layer["activation"]))
        elif t in ("maxPool2d", "averagePool2d"):
            k, s = layer["poolSize"], layer["strides"]
            if layer["padding"] == "same":
                add(SamePad(k, s, -math.inf if t == "maxPool2d" else 0.0))
            add(nn.MaxPool2d(k, s) if t == "maxPool2d" else nn.AvgPool2d(k, s))
        elif t == "flatten":
            add(nn.Flatten())
        elif t == "dense":
            add(nn.Linear(shape[1], layer["units"]), activation(layer["activation"]))
        elif t == "dropout":
            add(nn.Dropout(layer["rate"]))
        elif t == "batchNormalization":
            bn = nn.BatchNorm2d if len(shape) == 4 else nn.BatchNorm1d
            add(bn(shape[1], eps=KERAS_BN_EPSILON, momentum=KERAS_BN_MOMENTUM))
        elif t in ("globalMaxPool2d", "globalAveragePool2d"):
            add(GlobalPool("max" if t == "globalMaxPool2d" else "avg"))
        elif t == "activation":
            add(activation(layer["activation"]))
        else:
            raise ValueError(f"unknown layer type {t!r}")
    if len(shape) != 2:
        raise ValueError("the spec does not end with a flat vector")
    add(nn.Linear(shape[1], spec["classes"]))
    model = nn.Sequential(*layers)
    model.apply(glorot)
    return model


def optimizer(spec, params):
    c = spec["compile"]
    lr = c["learningRate"]
    if c["optimizer"] == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(0.9, 0.999), eps=KERAS_EPSILON)
    if c["optimizer"] == "sgd":
        return torch.optim.SGD(params, lr=lr)
    if c["optimizer"] == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=KERAS_EPSILON)
    raise ValueError(f"unknown optimizer {c['optimizer']!r}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--spec", required=True)
    p.add_argument("--images")
    p.add_argument("--labels")
    p.add_argument("--count", type=int)
    p.add_argument("--params-only", action="store_true", help="print the parameter count only")
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batches", type=int, default=0, help="0: one whole epoch")
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    with open(a.spec, encoding="utf-8") as f:
        spec = json.load(f)
    if a.params_only:
        print(json.dumps({"params": sum(t.numel() for t in build(spec).parameters())}))
        return
    if a.images is None or a.labels is None or a.count is None:
        raise SystemExit("reference_torch: --images, --labels and --count are needed to train")
    inp = spec["input"]
    images = np.fromfile(a.images, dtype=np.float32, count=a.count * inp["height"] * inp["width"])
    labels = np.fromfile(a.labels, dtype=np.uint8, count=a.count)
    if images.size != a.count * inp["height"] * inp["width"] or labels.size != a.count:
        raise SystemExit("reference_torch: the image or label file is shorter than --count says")
    x_all = torch.from_numpy(images).reshape(a.count, 1, inp["height"], inp["width"])
    y_all = torch.from_numpy(labels.astype(np.int64))

    model = build(spec)
    opt = optimizer(spec, model.parameters())
    model.train()
    order = torch.randperm(a.count)
    batches = math.ceil(a.count / a.batch)
    if a.batches > 0:
        batches = min(batches, a.batches)

    seen, loss_sum, correct = 0, 0.0, 0
    started = time.perf_counter()
    for b in range(batches):
        idx = order[b * a.batch : (b + 1) * a.batch]
        x, y = x_all[idx], y_all[idx]
        opt.zero_grad(set_to_none=True)
        logits = model(x)
        loss = F.cross_entropy(logits, y)
        loss.backward()
        opt.step()
        n = y.shape[0]
        seen += n
        loss_sum += loss.item() * n
        correct += int((logits.argmax(1) == y).sum())
    seconds = time.perf_counter() - started

    print(
        json.dumps(
            {
                "framework": "pytorch",
                "version": torch.__version__,
                "threads": torch.get_num_threads(),
                "samples": seen,
                "batches": batches,
                "seconds": seconds,
                "samplesPerSecond": seen / seconds,
                "loss": loss_sum / seen,
                "acc": correct / seen,
            }
        )
    )


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        sys.exit(1)
