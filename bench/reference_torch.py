"""PyTorch reference for `npm run bench`: trains the same architecture on the same images.

Usage (the bench writes the inputs; see bench/torch-reference.ts):
  python3 bench/reference_torch.py --spec spec.json --images train.f32 --labels train.u8 \
      --count N [--batch 128] [--threads 2] [--batches B] [--seed 0]
  python3 bench/reference_torch.py --spec spec.json --params-only
  python3 bench/reference_torch.py --spec spec.json --mat notMNIST_small.mat --epochs 10 \
      [--split-seed 42] [--test-share 0.2] [--seed 0]

The last form is the accuracy reference of the README's table: it loads the .mat as the notebook
does, splits it with scikit-learn's train_test_split (the split Letter Lab uses; numpy's legacy
permutation when scikit-learn is missing, which is the same), and trains the spec for the given
epochs with Keras 2.1.4's defaults throughout: glorot-uniform kernels, zero biases, Keras's
Adam/RMSprop update rules (epsilon outside the square root), Keras's BatchNormalization (moving
variance of the sample-size corrected variance, zero-debiased moving averages), inverted dropout,
a fresh shuffle every epoch, batch size from the spec. One JSON line per epoch (loss, acc,
valLoss, valAcc), then a summary line.

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


def build(spec, keras_bn=False):
    """nn.Sequential for the spec's layers plus the output Dense (logits: the loss adds softmax).

    keras_bn: Keras 2.1.4's BatchNormalization (KerasBatchNorm) instead of torch's."""
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
            if keras_bn:
                add(KerasBatchNorm(shape[1]))
            else:
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


class KerasBatchNorm(nn.Module):
    """Keras 2.1.4's BatchNormalization (TensorFlow backend) over the channel axis.

    Training: normalise with the batch mean and biased variance (epsilon 1e-3); move the moving
    averages towards the mean and variance * m / (m - (1 + epsilon)) with TensorFlow's
    zero-debiased assign_moving_average (momentum 0.99). Inference: the moving averages.
    """

    def __init__(self, channels):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(channels))
        self.bias = nn.Parameter(torch.zeros(channels))
        self.register_buffer("moving_mean", torch.zeros(channels))
        self.register_buffer("moving_variance", torch.ones(channels))
        self.register_buffer("biased_mean", torch.zeros(channels))
        self.register_buffer("biased_variance", torch.zeros(channels))
        self.steps = 0

    def forward(self, x):
        axes = [0] + list(range(2, x.dim()))
        shape = [1, -1] + [1] * (x.dim() - 2)
        if self.training:
            mean = x.mean(dim=axes)
            variance = x.var(dim=axes, unbiased=False)
            with torch.no_grad():
                m = x.numel() / x.shape[1]
                corrected = variance * (m / (m - (1 + KERAS_BN_EPSILON)))
                momentum = 1 - KERAS_BN_MOMENTUM
                self.steps += 1
                debias = 1 - momentum**self.steps
                self.biased_mean.mul_(momentum).add_(mean, alpha=1 - momentum)
                self.biased_variance.mul_(momentum).add_(corrected, alpha=1 - momentum)
                self.moving_mean.copy_(self.biased_mean / debias)
                self.moving_variance.copy_(self.biased_variance / debias)
        else:
            mean, variance = self.moving_mean, self.moving_variance
        inv = torch.rsqrt(variance + KERAS_BN_EPSILON) * self.weight
        return (x - mean.view(shape)) * inv.view(shape) + self.bias.view(shape)


class KerasAdam(torch.optim.Optimizer):
    """Keras 2.1.4's Adam: lr_t = lr * sqrt(1 - b2^t) / (1 - b1^t); p -= lr_t * m / (sqrt(v) + eps)."""

    def __init__(self, params, lr, betas=(0.9, 0.999), eps=KERAS_EPSILON):
        super().__init__(params, {"lr": lr, "betas": betas, "eps": eps})

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            b1, b2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["t"] = 0
                    state["m"] = torch.zeros_like(p)
                    state["v"] = torch.zeros_like(p)
                state["t"] += 1
                t = state["t"]
                lr_t = group["lr"] * math.sqrt(1 - b2**t) / (1 - b1**t)
                state["m"].mul_(b1).add_(p.grad, alpha=1 - b1)
                state["v"].mul_(b2).addcmul_(p.grad, p.grad, value=1 - b2)
                p.sub_(lr_t * state["m"] / (state["v"].sqrt() + group["eps"]))


class KerasRMSprop(torch.optim.Optimizer):
    """Keras 2.1.4's RMSprop: a = rho * a + (1 - rho) * g^2; p -= lr * g / (sqrt(a) + eps)."""

    def __init__(self, params, lr, rho=0.9, eps=KERAS_EPSILON):
        super().__init__(params, {"lr": lr, "rho": rho, "eps": eps})

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                a = self.state[p].setdefault("a", torch.zeros_like(p))
                a.mul_(group["rho"]).addcmul_(p.grad, p.grad, value=1 - group["rho"])
                p.sub_(group["lr"] * p.grad / (a.sqrt() + group["eps"]))


def keras_optimizer(spec, params):
    c = spec["compile"]
    if c["optimizer"] == "adam":
        return KerasAdam(params, c["learningRate"])
    if c["optimizer"] == "sgd":
        return torch.optim.SGD(params, lr=c["learningRate"])
    if c["optimizer"] == "rmsprop":
        return KerasRMSprop(params, c["learningRate"])
    raise ValueError(f"unknown optimizer {c['optimizer']!r}")


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
    p.add_argument("--mat", help="accuracy mode: train on this .mat with the notebook's split")
    p.add_argument("--epochs", type=int, default=0, help="accuracy mode: epochs to train")
    p.add_argument("--split-seed", type=int, default=42)
    p.add_argument("--test-share", type=float, default=0.2)
    a = p.parse_args()
    if a.mat:
        torch.set_num_threads(a.threads)
        torch.manual_seed(a.seed)
        with open(a.spec, encoding="utf-8") as f:
            spec = json.load(f)
        accuracy(spec, a)
        return

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


def notebook_split(n, test_share, seed):
    """train, test positions: scikit-learn's train_test_split(..., test_size, random_state)."""
    try:
        from sklearn.model_selection import train_test_split

        train, test = train_test_split(np.arange(n), test_size=test_share, random_state=seed)
    except ImportError:
        order = np.random.RandomState(seed).permutation(n)
        n_test = math.ceil(test_share * n)
        test, train = order[:n_test], order[n_test:]
    return train, test


def evaluate(model, x, y, batch):
    model.eval()
    loss_sum, correct = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(y), batch):
            logits = model(x[start : start + batch])
            target = y[start : start + batch]
            loss_sum += float(F.cross_entropy(logits, target, reduction="sum"))
            correct += int((logits.argmax(1) == target).sum())
    return loss_sum / len(y), correct / len(y)


def accuracy(spec, a):
    """Trains `spec` on the .mat with the notebook's split; one JSON line per epoch."""
    from scipy.io import loadmat

    data = loadmat(a.mat)
    x = np.transpose(data["images"], (2, 0, 1)).astype("float32") / 255.0
    y = data["labels"].ravel().astype(np.int64)
    train, test = notebook_split(len(y), a.test_share, a.split_seed)
    inp = spec["input"]
    x = torch.from_numpy(x).reshape(-1, 1, inp["height"], inp["width"])
    y = torch.from_numpy(y)
    x_train, y_train, x_test, y_test = x[train], y[train], x[test], y[test]
    model = build(spec, keras_bn=True)
    opt = keras_optimizer(spec, model.parameters())
    batch = spec["compile"]["batchSize"]
    epochs = a.epochs or spec["compile"]["epochs"]
    started = time.perf_counter()
    history = []
    for epoch in range(1, epochs + 1):
        model.train()
        order = torch.randperm(len(y_train))
        loss_sum, correct = 0.0, 0
        for start in range(0, len(order), batch):
            idx = order[start : start + batch]
            xb, yb = x_train[idx], y_train[idx]
            opt.zero_grad(set_to_none=True)
            logits = model(xb)
            loss = F.cross_entropy(logits, yb)
            loss.backward()
            opt.step()
            loss_sum += float(loss) * len(yb)
            correct += int((logits.argmax(1) == yb).sum())
        val_loss, val_acc = evaluate(model, x_test, y_test, batch)
        record = {
            "epoch": epoch,
            "loss": loss_sum / len(y_train),
            "acc": correct / len(y_train),
            "valLoss": val_loss,
            "valAcc": val_acc,
        }
        history.append(record)
        print(json.dumps(record), flush=True)
    print(
        json.dumps(
            {
                "framework": "pytorch",
                "version": torch.__version__,
                "name": spec.get("name"),
                "train": len(y_train),
                "test": len(y_test),
                "epochs": epochs,
                "seconds": time.perf_counter() - started,
                "finalValAcc": history[-1]["valAcc"] if history else None,
            }
        )
    )


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        sys.exit(1)
