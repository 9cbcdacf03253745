"""Build ``municipalities.csv`` from Statbel's REFNIS table and the list of 2025 mergers.

Run from the repository root when Statbel publishes a new table:

    python resources/reference/build_municipalities.py ../shared/reference

The program itself only reads the small CSV this writes (Flemish municipalities and Brussels,
valid on or after 2000-01-01, with their province and, for the 2025 mergers, what they became).
"""

from __future__ import annotations

import csv
import re
import sys
from datetime import date
from pathlib import Path

# Province codes of Statbel -> the province names a network profile uses.
PROVINCES = {
    "10000": "Antwerpen",
    "20001": "Vlaams-Brabant",
    "30000": "West-Vlaanderen",
    "40000": "Oost-Vlaanderen",
    "70000": "Limburg",
}
BRUSSELS_ARRONDISSEMENT = "21000"
SINCE = date(2000, 1, 1)
MERGER_DAY = date(2025, 1, 1)
OPEN_END = date(9999, 12, 31)


def parse_date(text: str) -> date:
    day, month, year = (int(part) for part in text.split("/"))
    return date(year, month, day)


def province_of(code: str, on: date, arrondissements: list[dict[str, str]]) -> str | None:
    """Follow a municipality to its province through the arrondissement valid on ``on``."""
    arrondissement = code[:2] + "000"
    if arrondissement == BRUSSELS_ARRONDISSEMENT:
        return "Brussel"
    for row in arrondissements:
        if row["CD_REFNIS"] != arrondissement:
            continue
        if parse_date(row["DT_VLDT_START"]) <= on <= parse_date(row["DT_VLDT_END"]):
            return PROVINCES.get(row["CD_SUP_REFNIS"])
    return None


def parse_mergers(path: Path) -> list[tuple[list[tuple[str, str]], tuple[str, str]]]:
    pattern = re.compile(r"(.+?) \((\d{5})\)")
    mergers = []
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        old_part, new_part = line.split(",\t")
        old = [(m.group(1).strip(), m.group(2)) for m in pattern.finditer(old_part)]
        new_match = re.fullmatch(r"(.+) \((\d{5})\)", new_part.strip())
        assert new_match, line
        new_name = new_match.group(1).replace(" (voorlopige naam)", "")
        mergers.append(
            (
                [(name.lstrip("+ ").strip(), code) for name, code in old],
                (new_name, new_match.group(2)),
            )
        )
    return mergers


def main(source: Path, target: Path) -> None:
    rows = list(csv.DictReader((source / "refnis.csv").open(encoding="utf-8")))
    arrondissements = [r for r in rows if r["LVL_REFNIS"] == "3"]
    mergers = parse_mergers(source / "fusies-2025.csv")
    merged_into = {code: new_code for old, (_, new_code) in mergers for _, code in old}

    out: list[dict[str, str]] = []
    for row in rows:
        if row["LVL_REFNIS"] != "4":
            continue
        start, end = parse_date(row["DT_VLDT_START"]), parse_date(row["DT_VLDT_END"])
        if end < SINCE:
            continue
        code = row["CD_REFNIS"]
        target_code = merged_into.get(code)
        # The REFNIS copy predates 2025: end the merged municipalities on 31/12/2024,
        # except the one that keeps its code (Antwerpen absorbs Borsbeek).
        if target_code is not None and end == OPEN_END and target_code != code:
            end = date(2024, 12, 31)
        province = province_of(code, min(end, MERGER_DAY), arrondissements)
        if province is None:
            continue  # Wallonia
        out.append(
            {
                "nis_code": code,
                "name": row["TX_REFNIS_NL"],
                "province": province,
                "valid_from": start.isoformat(),
                "valid_until": "" if end == OPEN_END else end.isoformat(),
                "merged_into": target_code if target_code and target_code != code else "",
            }
        )
    for _, (new_name, new_code) in mergers:
        if any(r["nis_code"] == new_code for r in out):
            continue
        province = province_of(new_code, MERGER_DAY, arrondissements)
        if province is None:
            continue
        out.append(
            {
                "nis_code": new_code,
                "name": new_name,
                "province": province,
                "valid_from": MERGER_DAY.isoformat(),
                "valid_until": "",
                "merged_into": "",
            }
        )
    out.sort(key=lambda r: (r["name"], r["valid_from"]))
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(out[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    print(f"{len(out)} municipalities written to {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).with_name("municipalities.csv"))
