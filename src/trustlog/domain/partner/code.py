"""The partner code: this journal's two public keys in one string a person can paste.

    trustlog1<the age recipient without "age1"><base32 of the signing key and a checksum>

All letters and digits, so a double-click selects it whole and a line break a
message app adds can be taken out (spaces and line breaks are ignored). The
age recipient carries its own Bech32 checksum; the last four bytes are the
start of a SHA-256 of everything before them, so a typo anywhere is caught as
bad input rather than making a code for no one.

The fingerprint is six plain words from a SHA-256 of the code, read aloud to
compare: `partner code` shows this journal's, `partner add` the one of the code
it was given; when the words match, the code came whole from the right person.
Six words from 256 are 48 bits: enough that no one can make a code of their
own with the same words by trying.

Nothing here needs a cryptography library: the keys are only parsed and joined.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from trustlog.errors import InputError

PREFIX = "trustlog1"
AGE_PREFIX = "age1"
AGE_LENGTH = 58  # an X25519 recipient after "age1": 52 characters of key, 6 of checksum
BECH32 = frozenset("qpzry9x8gf2tvdw0s3jn54khce6mua7l")
SIGNING_BYTES = 32  # an Ed25519 public key
CHECK_BYTES = 4
TAIL_LENGTH = 58  # base32 of 36 bytes, without its padding
FINGERPRINT_WORDS = 6

# 256 short, plain, distinct words: one a byte of the hash.
_WORD_LIST = (
    "acorn anchor apple arrow aspen autumn badger bamboo banjo barley basil basket beacon "
    "beaver berry birch biscuit bison blanket blossom bonnet border bottle boulder branch "
    "bread breeze brick bridge brook broom bucket button cabin cactus camel candle canoe "
    "canyon carpet carrot castle cedar cellar cherry chess cider circle cliff clock cloud "
    "clover cobalt cocoa comet copper coral cotton cradle crane crayon cricket crystal "
    "daisy dancer delta desert diamond dolphin donkey dragon drum eagle easel echo elbow "
    "ember engine falcon feather fern ferry fiddle field finch fjord flame flute forest "
    "fossil fountain fox garden garlic gecko ginger glacier globe goose granite grape "
    "gravel guitar hammer harbor harvest hazel hedge heron hill honey horizon hunter iris "
    "island ivory jacket jasmine jelly jewel jungle kettle kitten kiwi ladder lagoon "
    "lantern laurel lemon lilac lily linen lion lizard lobster locket lotus magnet mango "
    "maple marble meadow melon meteor mint mirror mitten moss mountain muffin needle nest "
    "nickel noodle oak oasis ocean olive onion orbit orchid otter owl oyster paddle panda "
    "paper parrot peach pearl pebble pencil pepper piano pillow pine planet plum pocket "
    "pond poppy prairie pumpkin puzzle quail quartz quill rabbit radish rain raven reef "
    "ribbon river robin rocket rose saddle salmon sand satin scarf shell shovel silver "
    "sketch sled slipper snail snow sparrow spider sponge spruce squirrel star stone storm "
    "straw stream sugar summit sunrise swan tablet teapot thistle thunder tiger timber "
    "toast tomato topaz tower tulip tunnel turtle umbrella valley velvet violet violin "
    "walnut walrus wagon whale wheat willow window winter wizard wolf wool yarn zebra "
    "zephyr "
)
WORDS = _WORD_LIST.split()


@dataclass(frozen=True)
class PartnerCode:
    """The two public keys of one journal: to encrypt for it, and to check what it signed."""

    recipient: str  # "age1...": what a share for this journal is encrypted to
    signing: bytes  # the Ed25519 public key its shares are signed with

    @property
    def text(self) -> str:
        body = PREFIX + self.recipient.removeprefix(AGE_PREFIX)
        tail = self.signing + _check(body, self.signing)
        return body + base64.b32encode(tail).decode("ascii").rstrip("=").lower()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.text)


def fingerprint(code: str) -> str:
    digest = hashlib.sha256(code.encode("ascii")).digest()
    return " ".join(WORDS[byte] for byte in digest[:FINGERPRINT_WORDS])


def parse(text: str, flag: str = "CODE") -> PartnerCode:
    """A code as pasted (any case, spaces and line breaks anywhere); a damaged one is bad input."""
    code = "".join(text.split()).lower()
    if not code.startswith(PREFIX):
        raise _bad(flag, "it does not start with “trustlog1”")
    rest = code[len(PREFIX) :]
    if len(rest) != AGE_LENGTH + TAIL_LENGTH:
        raise _bad(
            flag,
            f"it has {len(code)} characters, where a partner code has "
            f"{len(PREFIX) + AGE_LENGTH + TAIL_LENGTH}",
        )
    age_part, tail_text = rest[:AGE_LENGTH], rest[AGE_LENGTH:]
    if not set(age_part) <= BECH32:
        raise _bad(flag, "it holds characters a partner code never has")
    try:
        tail = base64.b32decode(tail_text.upper() + "======")
    except ValueError:
        raise _bad(flag, "it holds characters a partner code never has") from None
    signing, check = tail[:SIGNING_BYTES], tail[SIGNING_BYTES:]
    if _check(PREFIX + age_part, signing) != check:
        raise _bad(flag, "its checksum does not match, so a character is wrong or missing")
    return PartnerCode(AGE_PREFIX + age_part, signing)


def _check(body: str, signing: bytes) -> bytes:
    return hashlib.sha256(body.encode("ascii") + signing).digest()[:CHECK_BYTES]


def _bad(flag: str, why: str) -> InputError:
    return InputError(
        f"{flag}: that is not a whole partner code: {why}.",
        hint="Please copy the code again from `trustlog partner code` on your partner's "
        "journal. Nothing was saved.",
    )
