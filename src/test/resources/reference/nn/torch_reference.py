"""Reference values for the nn/optim/loss tests (run with Debian's /usr/bin/python3, torch 1.13).

Optimizers: parameter p0 (2x2, float64), gradient g(p) = a*p + b (element-wise, fixed a, b) set by
hand before each step; prints the parameters after 3 steps. Losses: fixed logits.
"""
import torch

torch.set_default_dtype(torch.float64)
p0 = [[0.5, -1.0], [2.0, 0.1]]
a = torch.tensor([[1.0, 2.0], [0.5, 3.0]])
b = torch.tensor([[0.1, -0.2], [0.3, 0.05]])

configs = {
    "sgd": lambda ps: torch.optim.SGD(ps, lr=0.1),
    "sgd_wd": lambda ps: torch.optim.SGD(ps, lr=0.1, weight_decay=0.01),
    "sgd_momentum": lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9),
    "sgd_nesterov": lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, nesterov=True),
    "rmsprop": lambda ps: torch.optim.RMSprop(ps, lr=0.01),
    "adam": lambda ps: torch.optim.Adam(ps, lr=0.01),
    "adam_wd": lambda ps: torch.optim.Adam(ps, lr=0.01, weight_decay=0.1),
    "adamw": lambda ps: torch.optim.AdamW(ps, lr=0.01, weight_decay=0.1),
    "adagrad": lambda ps: torch.optim.Adagrad(ps, lr=0.1),
}
for name, make in configs.items():
    p = torch.tensor(p0, requires_grad=True)
    opt = make([p])
    for _ in range(3):
        opt.zero_grad()
        p.grad = (a * p + b).detach()
        opt.step()
    print(name, [repr(v) for v in p.detach().flatten().tolist()])

F = torch.nn.functional
s = torch.tensor([[1.0, 2.0, 0.5], [-0.3, 0.8, 0.1]])
t = torch.tensor([[0.5, 1.5, 3.0], [2.0, -1.0, 0.0]])
y = torch.tensor([1, 0])
print("ce", repr(F.cross_entropy(s, y).item()))
print("ce_smooth_0.1", repr(F.cross_entropy(s, y, label_smoothing=0.1).item()))
T, alpha = 2.0, 0.5
kl = F.kl_div(F.log_softmax(s / T, dim=1), F.log_softmax(t / T, dim=1), log_target=True, reduction="batchmean") * T * T
print("distill_T2_a0.5", repr(((1 - alpha) * F.cross_entropy(s, y) + alpha * kl).item()))
z = torch.tensor([[0.3, -1.2, 2.5], [0.0, 0.7, -0.4]])
u = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
print("mse", repr(F.mse_loss(z, u).item()))
print("mae", repr(F.l1_loss(z, u).item()))
print("huber_0.5", repr(F.huber_loss(z, u, delta=0.5).item()))
print("bce_logits", repr(F.binary_cross_entropy_with_logits(z, u).item()))
print("gelu", [repr(v) for v in F.gelu(z).flatten().tolist()])
print("gelu_tanh", [repr(v) for v in F.gelu(z, approximate="tanh").flatten().tolist()])
