#!/usr/bin/python3
"""Make the reference masks of the labelled set from hand-placed scribbles.

Most masks are a random-walker segmentation (scikit-image) of the photo in CIE Lab, seeded by rectangles and
lines placed by hand inside the region ("fg") and outside it ("bg"); a region with simple geometric edges (sky behind
cables, a saucer) or a small figure (the people of a group) is hand-placed polygons, ellipses and thick lines; sky seen through leaves or a lattice is its blue pixels (within a polygon where given); a red bowl is its red pixels with holes filled. Every mask was checked by eye on an overlay and the
scribbles adjusted until it followed the region. This keeps the reference independent of the
code under test. Coordinates are pixels of the committed (downscaled) photo.

Usage: label.py [--overlays DIR]   (run in this directory; needs python3-skimage, python3-pil)
Writes <photo>-<label>.png (0 or 255) next to the photos.
"""
import json
import sys

import numpy as np
from PIL import Image, ImageDraw
from skimage import color
from skimage.segmentation import random_walker

SCRIBBLES = json.load(open("scribbles.json"))


def draw(shape, items, value, canvas):
    for item in items:
        if item[0] == "L":
            canvas.line(item[1:], fill=value, width=3)
        else:
            canvas.rectangle(item, fill=value)


def label(photo, spec):
    rgb = np.asarray(Image.open(photo + ".jpg").convert("RGB"))
    markers = Image.new("L", (rgb.shape[1], rgb.shape[0]), 0)
    canvas = ImageDraw.Draw(markers)
    draw(rgb.shape, spec["bg"], 2, canvas)
    draw(rgb.shape, spec["fg"], 1, canvas)
    lab = color.rgb2lab(rgb)
    result = random_walker(lab, np.asarray(markers), beta=spec.get("beta", 1000), mode="cg_j", channel_axis=-1)
    return rgb, result == 1


def blue(photo, spec):
    """Sky seen through foliage: the vividly blue pixels (Lab b* below a bound), optionally inverted."""
    rgb = np.asarray(Image.open(photo + ".jpg").convert("RGB"))
    mask = color.rgb2lab(rgb)[..., 2] < spec["blue_below"]
    return rgb, ~mask if spec.get("invert") else mask


def red(photo, spec):
    """A strongly red object (Lab a* above a bound): its largest piece with the holes in it filled."""
    from scipy import ndimage
    rgb = np.asarray(Image.open(photo + ".jpg").convert("RGB"))
    pieces, count = ndimage.label(color.rgb2lab(rgb)[..., 1] > spec["red_above"])
    sizes = ndimage.sum(np.ones(pieces.shape), pieces, range(1, count + 1))
    return rgb, ndimage.binary_fill_holes(pieces == 1 + int(np.argmax(sizes)))


def geometric(photo, spec):
    """A polygon and ellipses (a saucer, a cup's rim) and thick lines (a spoon's handle), less polygons (towers)
    and thick lines (cables) in front of it."""
    rgb = np.asarray(Image.open(photo + ".jpg").convert("RGB"))
    mask = Image.new("L", (rgb.shape[1], rgb.shape[0]), 0)
    canvas = ImageDraw.Draw(mask)
    for polygon in ([spec["polygon"]] if spec["polygon"] else []) + spec.get("more_polygons", []):
        canvas.polygon([tuple(p) for p in polygon], fill=1)
    for box in spec.get("ellipses", []):
        canvas.ellipse(box, fill=1)
    for x0, y0, x1, y1, width in spec.get("lines", []):
        canvas.line([x0, y0, x1, y1], fill=1, width=width)
    for polygon in spec.get("minus_polygons", []):
        canvas.polygon([tuple(p) for p in polygon], fill=0)
    for x0, y0, x1, y1, width in spec.get("minus_lines", []):
        canvas.line([x0, y0, x1, y1], fill=0, width=width)
    return rgb, np.asarray(mask) == 1


def main():
    overlays = sys.argv[2] if len(sys.argv) == 3 and sys.argv[1] == "--overlays" else None
    for photo, labels in SCRIBBLES.items():
        for name, spec in labels.items():
            if "polygon" in spec and "blue_below" in spec:
                rgb, mask = geometric(photo, spec)
                mask = mask & blue(photo, spec)[1]
            elif "polygon" in spec:
                rgb, mask = geometric(photo, spec)
            elif "red_above" in spec:
                rgb, mask = red(photo, spec)
            elif "blue_below" in spec:
                rgb, mask = blue(photo, spec)
            else:
                rgb, mask = label(photo, spec)
            Image.fromarray((mask * 255).astype(np.uint8)).save(f"{photo}-{name}.png", optimize=True)
            if overlays:
                tint = rgb.copy()
                tint[mask] = (0.45 * tint[mask] + 0.55 * np.array([255, 0, 255])).astype(np.uint8)
                Image.fromarray(np.concatenate([rgb, tint], axis=1)).save(f"{overlays}/{photo}-{name}.png")
            print(f"{photo}-{name}: {mask.mean():.3f} of the photo")


if __name__ == "__main__":
    main()
