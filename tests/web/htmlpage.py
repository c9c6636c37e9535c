"""A small HTML reader for the tests: headings, labels, fields (standard library only)."""

from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.h1_count = 0
        self.lang = None
        self.root_dir = None
        self.title = ""
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "h1":
            self.h1_count += 1
        if tag == "html":
            self.lang = attributes.get("lang")
            self.root_dir = attributes.get("dir")
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def find_all(self, tag: str) -> list[dict]:
        return [attrs for name, attrs in self.tags if name == tag]

    def fields(self) -> list[dict]:
        fields = [a for a in self.find_all("input") if a.get("type") not in ("hidden", "submit")]
        return fields + self.find_all("select") + self.find_all("textarea")

    def labelled_ids(self) -> set[str]:
        return {a["for"] for a in self.find_all("label") if a.get("for")}

    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.tags if attrs.get("id")}


def page(response) -> Page:
    return Page(response.content.decode())
