#!/usr/bin/env python3
"""Writes a synthetic vault of interview notes for benchmarks, the same bytes for the same seed.

Usage: make-vault.py FOLDER COUNT [--seed N]

Notes are about 2 KB and varied like real ones: front matter in several shapes (role/position/
title, ISO and spelled-out dates, interviewers as a list, mappings, one name or a comma string),
1-4 interviewers, timelines, statuses, task lists and plain items with due phrases, log lines,
prose, and some fenced code blocks and block quotes. One folder level per 500 notes.
"""
import argparse
import os
import random

FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Dennis", "Margaret",
         "Linus", "Radia", "John", "Leslie", "Niklaus", "Sophie", "Tim", "Hedy", "Katherine", "Guido"]
LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Ritchie",
        "Hamilton", "Torvalds", "Perlman", "McCarthy", "Lamport", "Wirth", "Wilson", "Berners-Lee", "Lamarr",
        "Johnson", "van Rossum"]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Pied Piper", "Stark Industries", "Wayne Tech",
             "Cyberdyne", "Soylent", "Tyrell", "Wonka", "Oscorp", "Aperture", "Black Mesa", "Massive Dynamic"]
ROLES = ["Backend Engineer", "Staff Engineer", "Data Scientist", "SRE", "iOS Engineer", "Product Manager",
         "Platform Engineer", "ML Engineer", "Security Engineer", "Frontend Engineer"]
TIMELINES = ["2 weeks", "two weeks", "a week", "10 days", "5 business days", "a couple of weeks",
             "by Friday", "end of month", "end of next week", "1-2 weeks", None, None]
STATUSES = ["waiting"] * 8 + ["offer", "rejected", "withdrawn", "closed"]
DUES = ["by Friday", "within 3 days", "tomorrow", "within 48 hours", "in two weeks", "EOW", "end of month",
        "within 5 business days", "by Nov 24", "due 2026-11-25", ""]
VERBS = ["Send", "Share", "Email", "Submit", "Prepare", "Read up on", "Practise", "Review"]
THINGS = ["the portfolio", "a code sample", "the take-home", "references", "the system design notes",
          "the slides", "questions about the team", "the architecture doc"]
PROSE = [
    "We talked about how the team ships, what on-call looks like, and where the product is going next year.",
    "The conversation went deep on data modelling; I should have asked more about their migration plans.",
    "They asked me to walk through a past incident and what I would do differently with hindsight.",
    "Good rapport overall. The panel seemed to care about mentoring and writing things down.",
    "I asked about the roadmap, the size of the team and how decisions get made across teams.",
]


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def day(rng):
    month, dom = rng.choice([(9, 28), (10, 31), (11, 20)])
    return 2026, month, rng.randint(1, dom)


def front_matter(rng, people):
    year, month, dom = day(rng)
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    date = rng.choice([
        f"{year}-{month:02d}-{dom:02d}",
        f"{year}-{month:02d}-{dom:02d} {rng.randint(9, 17)}:30",
        f"{months[month - 1][:3]} {dom}, {year}",
        f"{months[month - 1]} {dom}, {year}",
    ])
    role_key = rng.choice(["role", "role", "position", "title"])
    lines = ["---", f"company: {rng.choice(COMPANIES)}", f"{role_key}: {rng.choice(ROLES)}",
             f"{rng.choice(['date', 'date', 'interview_date'])}: {date}"]
    shape = rng.randrange(4)
    if shape == 0:
        lines.append("interviewers:")
        lines += [f"  - {p}" for p in people]
    elif shape == 1:
        lines.append("interviewers:")
        for p in people:
            lines.append(f"  - name: {p}")
            lines.append(f"    email: {p.split()[0].lower()}@example.com")
    elif shape == 2:
        lines.append(f"interviewers: \"{', '.join(people)}\"")
    else:
        lines.append(f"interviewer: {people[0]}")
    timeline = rng.choice(TIMELINES)
    if timeline:
        lines.append(f"timeline: {timeline}")
    lines.append(f"stage: {rng.choice(['phone screen', 'onsite', 'final', 'technical'])}")
    lines.append(f"status: {rng.choice(STATUSES)}")
    if rng.random() < 0.3:
        lines.append("channel: phone")
    lines.append("---")
    return lines


def body(rng, people):
    lines = ["", f"# Interview with {people[0]}", ""]
    for _ in range(rng.randint(2, 4)):
        lines += [" ".join(rng.choice(PROSE) for _ in range(2)), ""]
    lines += ["## Next steps", ""]
    for _ in range(rng.randint(2, 5)):
        box = rng.choice(["- [ ] ", "- [x] ", "- "])
        target = rng.choice(people).split()[0] if rng.random() < 0.5 else ""
        item = f"{box}{rng.choice(VERBS)} {rng.choice(THINGS)}"
        item += f" for {target}" if target else ""
        due = rng.choice(DUES)
        lines.append(f"{item} {due}".rstrip())
        if rng.random() < 0.2:
            lines.append(f"  - {rng.choice(VERBS).lower()} {rng.choice(THINGS)} first")
    lines.append("")
    if rng.random() < 0.3:
        lines += ["```", "- [ ] not an action: inside a code block", "def solve(): return 42", "```", ""]
    if rng.random() < 0.2:
        lines += ["> - [ ] quoted, not mine", "> They said: we move fast.", ""]
    lines += ["## Log", ""]
    for index in range(rng.randint(1, 4)):
        event = rng.choice(["thanked " + rng.choice(people).split()[0], "followed up", "heard back",
                            "checked in, no reply yet", "sent the take-home"])
        lines.append(f"- 2026-11-{index * 3 + 2:02d}: {event}")
    lines.append("")
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=20261121)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.folder, exist_ok=True)
    for number in range(args.count):
        people = [person(rng) for _ in range(rng.randint(1, 4))]
        text = "\n".join(front_matter(rng, people) + body(rng, people))
        # Pad to about 2 KB with paragraphs of prose, as real notes ramble.
        text += "\n## Impressions\n"
        while len(text) < 1900:
            text += "\n" + rng.choice(PROSE) + "\n"
        folder = os.path.join(args.folder, f"batch-{number // 500:03d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"note-{number:06d}.md"), "w", encoding="utf-8", newline="\n") as out:
            out.write(text)


if __name__ == "__main__":
    main()
