"""Read a large JSON array one element at a time.

The standard library parses whole documents only; a collective.exportimport
export can be gigabytes of base64 images. JsonArrayReader decodes the file in
chunks with json.JSONDecoder.raw_decode, yields each element with its byte
span, and reads a single element back from its span later (random access), so
memory holds one item at a time whatever the size of the file.
"""

import codecs
import json
from dataclasses import dataclass

from .errors import ImportAbort

CHUNK_SIZE = 1 << 20
WHITESPACE = " \t\r\n"


@dataclass(frozen=True, slots=True)
class Span:
    """Where one array element sits in the file, in bytes."""

    start: int
    length: int


class JsonArrayReader:
    """The elements of the JSON array in one file: iterate, or read one back by its span."""

    def __init__(self, path, chunk_size=CHUNK_SIZE):
        self.path = path
        self.chunk_size = chunk_size
        self.bytes_read = 0  # progress while iterating

    def __iter__(self):
        with open(self.path, "rb") as file:
            yield from _ArrayScanner(file, self.chunk_size, self).elements()

    def read(self, span):
        with open(self.path, "rb") as file:
            file.seek(span.start)
            return json.loads(file.read(span.length).decode("utf-8"))


class _ArrayScanner:
    """One pass over the file. `buffer[pos:]` is undecoded text starting at byte `offset`."""

    def __init__(self, file, chunk_size, reader):
        self.file = file
        self.chunk_size = chunk_size
        self.reader = reader
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.json = json.JSONDecoder()
        self.buffer = ""
        self.pos = 0
        self.offset = 0
        self.eof = False

    def elements(self):
        self.expect("[")
        if self.peek() == "]":
            return
        while True:
            yield self.element()
            separator = self.peek()
            if separator == "]":
                return
            self.expect(",")

    def element(self):
        self.skip_whitespace()
        size = self.chunk_size
        while True:
            try:
                value, end = self.json.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as error:
                if self.eof:
                    self.fail(error.msg, error.pos)
                value, end = None, None
            if end is not None and (end < len(self.buffer) or self.eof):
                break
            # The element may go on past the buffer: read more (doubling, so a
            # huge element costs linear, not quadratic, time) and try again.
            self.fill(size)
            size *= 2
        start = self.offset
        self.consume(end)
        return Span(start, self.offset - start), value

    def peek(self):
        self.skip_whitespace()
        if self.pos >= len(self.buffer):
            self.fail("unexpected end of file: the array is not closed", self.pos)
        return self.buffer[self.pos]

    def expect(self, char):
        found = self.peek()
        if found != char:
            self.fail(f"expected {char!r}, found {found!r}", self.pos)
        self.consume(self.pos + 1)

    def skip_whitespace(self):
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in WHITESPACE:
                self.consume(self.pos + 1)
            if self.pos < len(self.buffer) or self.eof:
                return
            self.fill(self.chunk_size)

    def consume(self, end):
        """Move past buffer[pos:end], keeping the byte offset exact."""
        self.offset += len(self.buffer[self.pos : end].encode("utf-8"))
        self.pos = end
        if self.pos > self.chunk_size:
            self.buffer = self.buffer[self.pos :]
            self.pos = 0

    def fill(self, size):
        data = self.file.read(size)
        self.reader.bytes_read += len(data)
        try:
            self.buffer += self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            raise ImportAbort(f"{self.reader.path}: not UTF-8 text ({error.reason})") from error
        self.eof = not data

    def fail(self, message, pos):
        byte = self.offset + len(self.buffer[self.pos : pos].encode("utf-8"))
        raise ImportAbort(f"{self.reader.path}: malformed JSON at byte {byte}: {message}")
