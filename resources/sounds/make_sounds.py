"""Write the intake bench's verdict sounds: `python resources/sounds/make_sounds.py`.

Two short, clearly different tones so a technician who is not looking at the screen still knows:
accept is a rising two-note chime (bright, short), reject a low buzz repeated twice (longer,
harsh). Generated with the standard library only so the files can be rebuilt anywhere.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
HERE = Path(__file__).resolve().parent


def _tone(freq: float, seconds: float, *, square: bool = False, volume: float = 0.6) -> list[float]:
    count = int(RATE * seconds)
    fade = int(RATE * 0.008)  # short fades avoid clicks at the start and end of each note
    samples = []
    for i in range(count):
        phase = math.sin(2 * math.pi * freq * i / RATE)
        value = (1.0 if phase >= 0 else -1.0) * 0.5 if square else phase
        envelope = min(1.0, i / fade, (count - i) / fade)
        samples.append(value * volume * envelope)
    return samples


def _silence(seconds: float) -> list[float]:
    return [0.0] * int(RATE * seconds)


def _write(path: Path, samples: list[float]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


def main() -> None:
    _write(HERE / "accept.wav", _tone(880, 0.09) + _tone(1320, 0.14))
    _write(HERE / "reject.wav", _tone(180, 0.18, square=True) + _silence(0.06)
           + _tone(150, 0.28, square=True))


if __name__ == "__main__":
    main()
