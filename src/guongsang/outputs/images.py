"""Published images: responsive WebP (and AVIF) renditions of each source image, upright and without metadata.

Pure core, no MkDocs: :func:`inspect` checks a source when records are validated (too large, not an image,
corrupt → a coded Vietnamese problem); :func:`render` makes the renditions through a content-hash cache, so an
unchanged image is never processed twice, whichever build (full, incremental, another worktree) asks for it.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError, features

from ..filecache import file_digest, key, parallel_map
from ..model.text import slugify

WIDTHS = (320, 640, 960, 1280)  # rendition widths; never wider than the source
MAX_BYTES = 20 * 1024 * 1024  # a source file above this is refused
MAX_PIXELS = 50_000_000  # … and so is one above 50 megapixels (decompression bombs included)
SOURCE_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
QUALITY = {"avif": {"quality": 55, "speed": 8}, "webp": {"quality": 78, "method": 4}}
MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
CACHE_VERSION = 1
ROTATING = {5, 6, 7, 8}  # EXIF orientations that swap width and height
_ORIENTATION = 0x0112


class ImageProblem(Exception):
    """A source image that cannot be published: a diagnostic code and a Vietnamese message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def formats() -> tuple[str, ...]:
    """Output formats this Pillow can write, best first: AVIF when available, always WebP."""
    return ("avif", "webp") if features.check("avif") else ("webp",)


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def inspect(path: Path) -> tuple[int, int]:
    """Width and height of ``path`` as shown (EXIF orientation applied), after checking it can be published.

    Cheap enough for ``guongsang check`` on every record: JPEGs are decoded at 1/8 scale, which still reads
    the whole stream and so finds truncated or corrupt files. Raises :class:`ImageProblem`.
    """
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ImageProblem("GS044", f"ảnh “{path.name}” nặng {_megabytes(size)} MB, vượt giới hạn "
                           f"{_megabytes(MAX_BYTES)} MB; hãy thu nhỏ ảnh (cạnh dài khoảng 2.000 điểm ảnh là đủ).")
    strict, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False  # WeasyPrint sets it True
    try:
        with Image.open(path) as img:
            if img.format not in SOURCE_FORMATS:
                raise ImageProblem("GS042", f"“{path.name}” là ảnh {img.format}, không phải JPEG, PNG hoặc WebP.")
            width, height = img.size
            if width * height > MAX_PIXELS:
                raise ImageProblem("GS044", f"ảnh “{path.name}” có {width}×{height} điểm ảnh, vượt giới hạn "
                                   f"{MAX_PIXELS // 1_000_000} triệu điểm ảnh; hãy thu nhỏ ảnh.")
            orientation = img.getexif().get(_ORIENTATION, 1)
            if img.format == "JPEG":
                img.draft("RGB", (max(1, width // 8), max(1, height // 8)))
            img.load()
    except Image.DecompressionBombError:
        raise ImageProblem("GS044", f"ảnh “{path.name}” quá lớn (quá nhiều điểm ảnh); hãy thu nhỏ ảnh.") from None
    except UnidentifiedImageError:
        raise ImageProblem("GS042", f"tệp “{path.name}” không phải ảnh JPEG, PNG hoặc WebP.") from None
    except (OSError, SyntaxError, ValueError):
        raise ImageProblem("GS042", f"tệp ảnh “{path.name}” bị hỏng hoặc không đọc được đến hết.") from None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = strict
    return (height, width) if orientation in ROTATING else (width, height)


def upright(path: Path) -> Image.Image:
    """The decoded image, rotated as its EXIF orientation says, in sRGB, with no metadata attached."""
    with Image.open(path) as img:
        img.load()
        profile = img.info.get("icc_profile")
        shown = ImageOps.exif_transpose(img)
    alpha = shown.mode in ("RGBA", "LA", "PA") or (shown.mode == "P" and "transparency" in shown.info)
    shown = shown.convert("RGBA" if alpha else "RGB")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            shown = ImageCms.profileToProfile(shown, source, ImageCms.createProfile("sRGB"),
                                              outputMode=shown.mode) or shown
        except (ImageCms.PyCMSError, OSError):
            pass  # a broken profile: keep the pixels as they are
    clean = Image.new(shown.mode, shown.size)
    clean.paste(shown)  # a fresh image carries no info dictionary (EXIF, XMP, ICC, comments)
    return clean


# -- placeholder colours ------------------------------------------------------------------------------------

_SAFE = "0369cf"  # the 216 "web-safe" colours: each channel one of 00 33 66 99 cc ff


def placeholder(img: Image.Image) -> str:
    """The image's average colour, rounded to a web-safe colour written as three hex digits ("963")."""
    pixel = img.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    assert isinstance(pixel, tuple)
    return "".join(_SAFE[round(channel / 51)] for channel in pixel)


def placeholder_css() -> str:
    """One class per web-safe colour: the page names a class, so no inline style is needed (CSP-friendly)."""
    return "".join(f".gs-ph-{r}{g}{b}{{background-color:#{r}{g}{b}}}" for r in _SAFE for g in _SAFE for b in _SAFE)


# -- renditions and their cache -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Variant:
    format: str  # "avif", "webp"
    width: int
    height: int
    file: Path  # the encoded file in the cache

    @property
    def mime(self) -> str:
        return MIME[self.format]


@dataclass(frozen=True)
class Rendition:
    """Everything published from one source image."""

    digest: str  # content hash of the source (with the settings that shaped the output)
    width: int
    height: int
    placeholder: str
    variants: tuple[Variant, ...]

    def of(self, fmt: str) -> list[Variant]:
        return [v for v in self.variants if v.format == fmt]

    @property
    def formats(self) -> list[str]:
        return list(dict.fromkeys(v.format for v in self.variants))

    def fallback(self, width: int = 640) -> Variant:
        """The WebP ``src`` of an ``<img>``: the widest one not above ``width`` (else the narrowest)."""
        webp = self.of("webp")
        fitting = [v for v in webp if v.width <= width]
        return fitting[-1] if fitting else webp[0]


def widths_for(width: int, widths: Iterable[int] = WIDTHS) -> list[int]:
    """Rendition widths for a source ``width`` px wide: the standard ones below it, and the source width."""
    chosen = [w for w in widths if w < width]
    return [*chosen, min(width, max(widths))] if width > 0 else []


def _settings(widths: tuple[int, ...], fmts: tuple[str, ...]) -> dict:
    import PIL

    return {"v": CACHE_VERSION, "widths": widths, "formats": fmts, "quality": QUALITY,
            "pillow": PIL.__version__, "webp": features.version("webp"), "avif": features.version("avif")}


def source_digest(path: Path, widths: tuple[int, ...] = WIDTHS, fmts: tuple[str, ...] | None = None) -> str:
    """The cache key of ``path``: its bytes and the settings that shape the output."""
    return key(_settings(widths, fmts or formats()), file_digest(path))


def _encode(img: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    img.save(out, fmt.upper(), **QUALITY[fmt])
    return out.getvalue()


def _resize(img: Image.Image, width: int) -> Image.Image:
    if width >= img.width:
        return img
    height = max(1, round(img.height * width / img.width))
    return img.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _load(folder: Path) -> Rendition | None:
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    variants = tuple(Variant(v["format"], v["width"], v["height"], folder / v["file"]) for v in meta["variants"])
    if not all(v.file.is_file() for v in variants):
        return None
    return Rendition(meta["digest"], meta["width"], meta["height"], meta["placeholder"], variants)


def render(source: Path, cache_dir: Path, widths: tuple[int, ...] = WIDTHS,
           fmts: tuple[str, ...] | None = None) -> Rendition:
    """The renditions of ``source``, from the cache when its content was seen before, else made and cached.

    The cache folder is written under a temporary name and renamed into place, so concurrent builds
    never see a half-written entry.
    """
    fmts = fmts or formats()
    digest = source_digest(source, widths, fmts)
    folder = _folder(cache_dir, digest)
    if (found := _load(folder)) is not None:
        return found
    img = upright(source)
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{digest[:12]}-", dir=folder.parent))
    try:
        meta: dict = {"digest": digest, "width": img.width, "height": img.height,
                      "placeholder": placeholder(img), "variants": []}
        for width in widths_for(img.width, widths):
            sized = _resize(img, width)
            for fmt in fmts:
                name = f"{width}.{fmt}"
                (work / name).write_bytes(_encode(sized, fmt))
                meta["variants"].append({"format": fmt, "width": sized.width, "height": sized.height, "file": name})
        (work / "meta.json").write_text(json.dumps(meta, sort_keys=True), encoding="utf-8")
        try:
            work.rename(folder)
        except OSError:  # another process finished the same image first
            shutil.rmtree(work, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    found = _load(folder)
    assert found is not None
    return found


def _folder(cache_dir: Path, digest: str) -> Path:
    return cache_dir / digest[:2] / digest


def _render_one(args: tuple[Path, Path, tuple[int, ...], tuple[str, ...]]) -> Rendition:
    return render(*args)


def render_all(sources: Iterable[Path], cache_dir: Path, widths: tuple[int, ...] = WIDTHS) -> dict[Path, Rendition]:
    """Renditions of every source (each file once): cached ones read back, the others made in parallel."""
    fmts = formats()
    unique = list(dict.fromkeys(sources))
    done: dict[Path, Rendition] = {}
    for path in unique:
        if (found := _load(_folder(cache_dir, source_digest(path, widths, fmts)))) is not None:
            done[path] = found
    jobs = [(path, cache_dir, widths, fmts) for path in unique if path not in done]
    done.update(zip((job[0] for job in jobs), parallel_map(_render_one, jobs, name="gs-images"), strict=True))
    return {path: done[path] for path in unique}


def published_names(sources: Iterable[str]) -> list[str]:
    """File-name stems for a record's images ("anh/Chân dung.jpg" → "chan-dung"), unique within the record."""
    names: list[str] = []
    for index, src in enumerate(sources):
        name = slugify(Path(src).stem) or "anh"
        names.append(f"{name}-{index + 1}" if name in names else name)
    return names
