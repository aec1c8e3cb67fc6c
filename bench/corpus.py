#!/usr/bin/env python3
"""Writes a deterministic corpus of Markdown articles for build benchmarks.

Each article has front matter (title, description, date, tags) and about 900 words of body:
headings, paragraphs with emphasis, inline code and links to other articles, a bullet list, a
numbered list, a GFM table and a block quote. The same corpus feeds every generator compared.

usage: bench/corpus.py --n 4000 --out DIR [--seed 7]     writes DIR/NNNNN-article.md
"""
import argparse
import os
import random

VOCABULARY = (
    "nerve root skin feeling numbness tingling thigh knee shin ankle foot heel sole toe spine disc "
    "lumbar sacral pressure pain burning weakness reflex muscle tendon exam touch pinprick clinician "
    "patient level segment area strip map pattern side left right inner outer front back walking "
    "standing sitting bending lifting rest sleep posture stretch exercise therapy recovery week month "
    "symptom sign test doctor nurse physiotherapist scan imaging report history change daily"
).split()
ROOTS = ["L1", "L2", "L3", "L4", "L5", "S1", "S2"]


class Writer:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def words(self, low, high):
        picked = [self.rng.choice(VOCABULARY) for _ in range(self.rng.randint(low, high))]
        spot = self.rng.randrange(len(picked))
        style = self.rng.randrange(4)
        if style == 0:
            picked[spot] = f"*{picked[spot]}*"
        elif style == 1:
            picked[spot] = f"**{picked[spot]}**"
        elif style == 2:
            picked[spot] = f"`{self.rng.choice(ROOTS)}`"
        text = " ".join(picked)
        return text[:1].upper() + text[1:] + "."

    def paragraph(self, links=()):
        sentences = [self.words(8, 22) for _ in range(self.rng.randint(3, 6))]
        if links and self.rng.random() < 0.6:
            sentences.insert(self.rng.randrange(len(sentences)),
                             f"Read [a related article]({self.rng.choice(links)}) as well.")
        return " ".join(sentences)

    def article(self, index, slugs):
        root = self.rng.choice(ROOTS)
        title = f"{root} {self.rng.choice(VOCABULARY)} and {self.rng.choice(VOCABULARY)} {index}"
        links = [f"../{slug}/" for slug in self.rng.sample(slugs, k=min(3, len(slugs)))]
        lines = [
            "---",
            f'title: "{title[:1].upper() + title[1:]}"',
            f'description: "{self.words(6, 12)[:-1]}"',
            f"date: 2025-{1 + index % 12:02d}-{1 + index % 28:02d}",
            f"tags: [{root.lower()}, {self.rng.choice(VOCABULARY)}]",
            "---",
            "",
            self.paragraph(links),
            "",
        ]
        for section in range(4):
            lines += [f"## {self.rng.choice(VOCABULARY).capitalize()} {self.rng.choice(VOCABULARY)} {section + 1}", ""]
            lines += [self.paragraph(links), "", self.paragraph(), ""]
            if section == 0:
                lines += [f"- {self.words(4, 9)}" for _ in range(5)] + [""]
            elif section == 1:
                lines += ["| Root | Area | Test |", "|---|---|---|"]
                lines += [f"| {r} | {self.words(3, 6)[:-1]} | {self.words(2, 4)[:-1]} |" for r in ROOTS] + [""]
            elif section == 2:
                lines += [f"{n}. {self.words(4, 9)}" for n in range(1, 5)] + ["", "> " + self.words(8, 22), ""]
            else:
                lines += ["### " + self.rng.choice(VOCABULARY).capitalize(), "", self.paragraph(), ""]
        return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    writer = Writer(args.seed)
    slugs = [f"{i:05d}-article" for i in range(args.n)]
    for index, slug in enumerate(slugs):
        with open(os.path.join(args.out, slug + ".md"), "w", encoding="utf-8") as f:
            f.write(writer.article(index, slugs))


if __name__ == "__main__":
    main()
