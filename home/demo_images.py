"""Generated files for the demo content: pictures drawn with Pillow and tiny text PDFs.

Nothing is downloaded. Every picture is a simple, flat composition (a meeting
table, a street, a festival, a logo, …) drawn from a seed, so the same call
always gives the same bytes. Used by `manage.py load_demo_content`.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

# Calm colours that work as backgrounds for white or dark shapes.
PALETTES = {
    "teal": ["#0f5257", "#1b998b", "#f4f1de", "#e9c46a", "#f28f3b"],
    "blue": ["#1d3557", "#457b9d", "#a8dadc", "#f1faee", "#e63946"],
    "plum": ["#3d2c4d", "#8e5572", "#f2d0a9", "#f1e3d3", "#99c1b9"],
    "green": ["#264b34", "#5b8e55", "#dde5b6", "#fefae0", "#bc6c25"],
    "sand": ["#6b4226", "#d08c60", "#f9dec9", "#fff8f0", "#3a86ff"],
    "night": ["#14213d", "#274c77", "#e5e5e5", "#fca311", "#ffffff"],
}
UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
SKIN_TONES = ["#8d5524", "#c68642", "#e0ac69", "#f1c27d", "#ffdbac", "#5c3a21"]


def font(size):
    """DejaVu Sans where installed (it has umlauts), else Pillow's bundled font."""
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default(size=size)


def _text(text, text_font):
    """The text, spelt without umlauts if the font cannot draw them."""
    if getattr(text_font, "path", "") and "DejaVu" in str(text_font.path):
        return text
    for letter, spelling in UMLAUTS.items():
        text = text.replace(letter, spelling)
    return text


def _gradient(width, height, top, bottom):
    image = Image.new("RGB", (width, height), top)
    draw = ImageDraw.Draw(image)
    top_rgb, bottom_rgb = Image.new("RGB", (1, 1), top), Image.new("RGB", (1, 1), bottom)
    (r1, g1, b1), (r2, g2, b2) = top_rgb.getpixel((0, 0)), bottom_rgb.getpixel((0, 0))
    for y in range(height):
        t = y / max(height - 1, 1)
        colour = (round(r1 + (r2 - r1) * t), round(g1 + (g2 - g1) * t), round(b1 + (b2 - b1) * t))
        draw.line([(0, y), (width, y)], fill=colour)
    return image


def _person(draw, x, y, scale, rng, shirt):
    """A flat figure: head and shoulders, seen from the front."""
    head = 26 * scale
    draw.ellipse([x - head, y - head, x + head, y + head], fill=rng.choice(SKIN_TONES))
    draw.rounded_rectangle(
        [x - 48 * scale, y + head + 6 * scale, x + 48 * scale, y + head + 120 * scale],
        radius=int(40 * scale),
        fill=shirt,
    )


def _label(draw, width, height, text, colours):
    if not text:
        return
    size = max(22, width // 34)
    text_font = font(size)
    text = _text(text, text_font)
    box = draw.textbbox((0, 0), text, font=text_font)
    pad = size // 2
    w, h = box[2] - box[0], box[3] - box[1]
    x, y = pad * 2, height - h - pad * 4
    draw.rounded_rectangle(
        [x - pad, y - pad, x + w + pad, y + h + pad * 1.4], radius=pad, fill=colours[0]
    )
    draw.text((x, y), text, font=text_font, fill=colours[3])


def _meeting(image, draw, rng, colours):
    width, height = image.size
    table = [width * 0.18, height * 0.55, width * 0.82, height * 0.75]
    seats = rng.randint(5, 8)
    for index in range(seats):
        x = table[0] + (table[2] - table[0]) * (index + 0.5) / seats
        _person(draw, x, height * 0.38, 1.1, rng, rng.choice(colours[1:]))
    draw.rounded_rectangle(table, radius=30, fill=colours[0])
    for _ in range(seats):
        x = rng.uniform(table[0] + 40, table[2] - 80)
        draw.rectangle([x, table[1] + 20, x + 50, table[1] + 60], fill=colours[3])


def _skyline(image, draw, rng, colours):
    width, height = image.size
    x = 0
    while x < width:
        w = rng.randint(70, 160)
        h = rng.randint(int(height * 0.2), int(height * 0.6))
        draw.rectangle([x, height * 0.8 - h, x + w, height * 0.8], fill=colours[0])
        for wy in range(int(height * 0.8 - h + 20), int(height * 0.8 - 30), 40):
            for wx in range(x + 15, x + w - 20, 30):
                if rng.random() < 0.6:
                    draw.rectangle([wx, wy, wx + 14, wy + 20], fill=colours[3])
        x += w + rng.randint(4, 20)
    draw.rectangle([0, height * 0.8, width, height], fill=colours[1])
    for offset in range(0, width, 80):
        draw.arc(
            [offset, height * 0.86, offset + 80, height * 0.92], 0, 180, fill=colours[2], width=4
        )


def _festival(image, draw, rng, colours):
    width, height = image.size
    for row, sag in ((0.12, 40), (0.22, 60)):
        points = [
            (x, height * row + sag * math.sin(math.pi * x / width)) for x in range(0, width + 1, 60)
        ]
        draw.line(points, fill=colours[0], width=3)
        for (x1, y1), (x2, _) in zip(points, points[1:], strict=False):
            draw.polygon(
                [(x1, y1), (x2, y1), ((x1 + x2) / 2, y1 + 50)], fill=rng.choice(colours[1:])
            )
    for _ in range(rng.randint(8, 12)):
        x = rng.uniform(60, width - 60)
        scale = rng.uniform(0.8, 1.3)
        _person(draw, x, height * rng.uniform(0.55, 0.7), scale, rng, rng.choice(colours))
    draw.rectangle([0, height * 0.88, width, height], fill=colours[0])


def _sports(image, draw, rng, colours):
    width, height = image.size
    draw.rectangle([0, height * 0.45, width, height], fill="#3a7d44")
    draw.line([(width / 2, height * 0.45), (width / 2, height)], fill="white", width=6)
    draw.ellipse(
        [width / 2 - 120, height * 0.62, width / 2 + 120, height * 0.9], outline="white", width=6
    )
    for _ in range(6):
        _person(
            draw,
            rng.uniform(80, width - 80),
            height * rng.uniform(0.45, 0.6),
            1.0,
            rng,
            rng.choice(colours),
        )
    bx, by = width * rng.uniform(0.3, 0.7), height * 0.85
    draw.ellipse([bx - 28, by - 28, bx + 28, by + 28], fill="white", outline="black", width=3)


def _workshop(image, draw, rng, colours):
    width, height = image.size
    board = [width * 0.55, height * 0.12, width * 0.9, height * 0.72]
    draw.rectangle(board, fill="white", outline=colours[0], width=6)
    for row in range(3):
        for col in range(3):
            x = board[0] + 30 + col * 120
            y = board[1] + 40 + row * 120
            draw.rectangle([x, y, x + 90, y + 90], fill=rng.choice(colours[1:]))
    draw.line([(board[0] + 60, board[3]), (board[0] + 20, height * 0.95)], fill=colours[0], width=8)
    draw.line([(board[2] - 60, board[3]), (board[2] - 20, height * 0.95)], fill=colours[0], width=8)
    for index in range(3):
        _person(draw, width * (0.12 + index * 0.13), height * 0.5, 1.2, rng, rng.choice(colours))


def _signing(image, draw, rng, colours):
    width, height = image.size
    _person(draw, width * 0.3, height * 0.3, 1.6, rng, colours[0])
    _person(draw, width * 0.7, height * 0.3, 1.6, rng, colours[1])
    draw.rounded_rectangle(
        [width * 0.1, height * 0.62, width * 0.9, height * 0.95], radius=20, fill=colours[4]
    )
    for x in (0.32, 0.56):
        draw.rectangle([width * x, height * 0.66, width * (x + 0.14), height * 0.9], fill="white")
        for line in range(5):
            y = height * 0.7 + line * 22
            draw.line([(width * x + 15, y), (width * (x + 0.14) - 15, y)], fill="#999999", width=3)
    draw.line(
        [(width * 0.47, height * 0.92), (width * 0.52, height * 0.7)], fill=colours[0], width=8
    )


def _health(image, draw, rng, colours):
    width, height = image.size
    cx, cy, arm = width * 0.72, height * 0.42, 70
    draw.rounded_rectangle(
        [cx - arm * 2.5, cy - arm * 2.5, cx + arm * 2.5, cy + arm * 2.5], radius=40, fill="white"
    )
    draw.rectangle([cx - arm / 2, cy - arm * 1.6, cx + arm / 2, cy + arm * 1.6], fill=colours[4])
    draw.rectangle([cx - arm * 1.6, cy - arm / 2, cx + arm * 1.6, cy + arm / 2], fill=colours[4])
    for index in range(3):
        _person(
            draw, width * (0.12 + index * 0.14), height * 0.45, 1.2, rng, rng.choice(colours[:3])
        )


def _cafe(image, draw, rng, colours):
    width, height = image.size
    for index in range(3):
        x = width * (0.2 + index * 0.3)
        _person(draw, x - 70, height * 0.4, 1.0, rng, rng.choice(colours))
        _person(draw, x + 70, height * 0.4, 1.0, rng, rng.choice(colours))
        draw.ellipse([x - 130, height * 0.6, x + 130, height * 0.72], fill=colours[0])
        for cup in (-40, 30):
            draw.rounded_rectangle(
                [x + cup, height * 0.57, x + cup + 34, height * 0.62], radius=6, fill="white"
            )


SCENES = {
    "meeting": _meeting,
    "skyline": _skyline,
    "festival": _festival,
    "sports": _sports,
    "workshop": _workshop,
    "signing": _signing,
    "health": _health,
    "cafe": _cafe,
}


def scene(kind, seed, palette="teal", label="", size=(1200, 800)):
    """A JPEG of one of SCENES, e.g. scene("meeting", 3, "blue", "Vernetzungstreffen")."""
    rng = random.Random(seed)  # noqa: S311 - seeded drawing, not security
    colours = PALETTES[palette]
    image = _gradient(*size, colours[3], colours[2])
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(3, 6)):
        r = rng.randint(60, 220)
        x, y = rng.randint(0, size[0]), rng.randint(0, size[1] // 2)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colours[2])
    SCENES[kind](image, draw, rng, colours)
    _label(draw, *size, label, colours)
    return _save(image, "JPEG")


def logo(initials, palette="teal", shape="circle", size=600):
    """A PNG logo: initials on a coloured circle, square or diamond."""
    colours = PALETTES[palette]
    image = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(image)
    margin = size * 0.06
    box = [margin, margin, size - margin, size - margin]
    if shape == "circle":
        draw.ellipse(box, fill=colours[0])
    elif shape == "diamond":
        half = size / 2
        draw.polygon(
            [(half, margin), (size - margin, half), (half, size - margin), (margin, half)],
            fill=colours[0],
        )
    else:
        draw.rounded_rectangle(box, radius=size // 8, fill=colours[0])
    draw.arc(
        [margin * 2, margin * 2, size - margin * 2, size - margin * 2],
        200,
        340,
        fill=colours[4],
        width=size // 30,
    )
    text_font = font(int(size / (2.2 + 0.5 * max(len(initials) - 2, 0))))
    draw.text(
        (size / 2, size / 2),
        _text(initials, text_font),
        font=text_font,
        fill=colours[3],
        anchor="mm",
    )
    return _save(image, "PNG")


def eu_emblem(width=900, height=600):
    """A stylised EU flag with the words of the co-funding note, for the AMIF funding logo."""
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    flag = [40, 40, 40 + 420, 40 + 280]
    draw.rectangle(flag, fill="#003399")
    cx, cy, radius = (flag[0] + flag[2]) / 2, (flag[1] + flag[3]) / 2, 95
    for index in range(12):
        angle = 2 * math.pi * index / 12
        _star(draw, cx + radius * math.sin(angle), cy - radius * math.cos(angle), 16, "#ffcc00")
    text_font = font(40)
    lines = ["Kofinanziert von der", "Europäischen Union"]
    for index, line in enumerate(lines):
        draw.text((40, 360 + index * 56), _text(line, text_font), font=text_font, fill="#003399")
    draw.text((40, 500), "Asyl-, Migrations- und Integrationsfonds", font=font(28), fill="#333333")
    return _save(image, "PNG")


def _star(draw, x, y, radius, fill):
    points = []
    for index in range(10):
        r = radius if index % 2 == 0 else radius * 0.4
        angle = math.pi * index / 5
        points.append((x + r * math.sin(angle), y - r * math.cos(angle)))
    draw.polygon(points, fill=fill)


def portrait(seed, palette="plum", size=500):
    """A neutral avatar (head and shoulders) for a contact person."""
    rng = random.Random(seed)  # noqa: S311 - seeded drawing, not security
    colours = PALETTES[palette]
    image = _gradient(size, size, colours[2], colours[3])
    draw = ImageDraw.Draw(image)
    _person(draw, size / 2, size * 0.38, size / 180, rng, colours[rng.randint(0, 1)])
    return _save(image, "JPEG")


def _save(image, image_format):
    buffer = io.BytesIO()
    if image_format == "JPEG":
        image.save(buffer, "JPEG", quality=85, optimize=True)
    else:
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _pdf_text(text):
    """A PDF string literal in WinAnsiEncoding (covers German umlauts and ß)."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def text_pdf(title, lines, language="de-DE"):
    """A small, valid one-page A4 PDF with a title and lines of text (selectable, not scanned)."""
    content = [
        b"BT",
        b"/F2 16 Tf",
        b"56 780 Td",
        _pdf_text(title) + b" Tj",
        b"/F1 11 Tf",
        b"0 -30 Td",
    ]
    for line in lines:
        content += [_pdf_text(line) + b" Tj", b"0 -16 Td"]
    content.append(b"ET")
    stream = b"\n".join(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang " + _pdf_text(language) + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title " + _pdf_text(title) + b" /Producer (Integrationsportal demo) >>",
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = output.tell()
    output.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        output.write(f"{offset:010d} 00000 n \n".encode())
    output.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return output.getvalue()
