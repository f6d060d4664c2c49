"""Generate a clearly synthetic data set of national scale and a configuration that points at it.

    .venv/bin/python bench/nationaal.py            # writes bench/nationaal/ (not in git), ~1 minute
    WIJKKAART_CONFIG=bench/nationaal/config.toml bash scripts/start.sh

About 14,500 buurt polygons of a few hundred vertices each (like full-precision CBS boundaries),
~400 wijken, one fictional "gemeente" GM9998 "Synthetisch land" the size of the Netherlands'
land area, figures for two years and 10,000 dated meldingen with a point. Every name says
"synthetisch"; nothing here is real data and it is never shipped. The boundaries are stored as
GeoParquet (columnar, ~10x faster to read than GeoJSON at this size).

Why one gemeente: the app models one gemeente with its wijken and buurten; the scale of the map
(number of polygons, vertices and points) is what this set is for.
"""

from __future__ import annotations

import argparse
import json
import string
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPoint, box

ROOT = Path(__file__).resolve().parent.parent
PROEF = ROOT / "tests" / "fixtures" / "proefgemeente"  # programme files with no real content, reused
GM = "GM9998"
CRS = "EPSG:28992"
GEBIED = box(40_000, 350_000, 200_000, 570_000)  # 160 x 220 km in RD: about the Dutch land area
BASIS36 = string.digits + string.ascii_uppercase
BRON = "Synthetische testgegevens (bench/nationaal.py), niet echt"


def _code(n: int) -> str:
    """Two base-36 characters, as CBS uses in large gemeenten (BU0363AF09)."""
    return BASIS36[n // 36] + BASIS36[n % 36]


def grenzen(buurten: int, wijken: int, punt_afstand: float, rng: np.random.Generator) -> dict[str, gpd.GeoDataFrame]:
    """Voronoi buurten in the area, grouped into wijken by the nearest wijk seed, densified so a
    buurt has a few hundred vertices; wijken are unions of their buurten, so edges coincide."""
    minx, miny, maxx, maxy = GEBIED.bounds
    zaden = np.column_stack([rng.uniform(minx, maxx, buurten), rng.uniform(miny, maxy, buurten)])
    cellen = shapely.voronoi_polygons(MultiPoint(zaden), extend_to=GEBIED)
    vlakken = shapely.intersection(np.asarray(cellen.geoms), GEBIED)
    wijkzaden = np.column_stack([rng.uniform(minx, maxx, wijken), rng.uniform(miny, maxy, wijken)])
    middens = shapely.get_coordinates(shapely.centroid(vlakken))
    wijk = np.argmin(((middens[:, None, :] - wijkzaden[None, :, :]) ** 2).sum(axis=2), axis=1)
    frame = gpd.GeoDataFrame({"wijk": wijk}, geometry=shapely.segmentize(vlakken, punt_afstand), crs=CRS)
    frame = frame.sort_values("wijk", kind="stable").reset_index(drop=True)
    frame["volgnummer"] = frame.groupby("wijk").cumcount()
    if frame["volgnummer"].max() >= 36 * 36:
        raise SystemExit("te veel buurten per wijk voor twee tekens")
    frame["statcode"] = [f"BU{GM[2:]}{_code(w)}{_code(b)}" for w, b in zip(frame["wijk"], frame["volgnummer"], strict=True)]
    frame["statnaam"] = [f"Synthetische buurt {i + 1}" for i in range(len(frame))]
    wijkvlakken = frame.dissolve("wijk").reset_index()
    wijkvlakken["statcode"] = [f"WK{GM[2:]}{_code(w)}" for w in wijkvlakken["wijk"]]
    wijkvlakken["statnaam"] = [f"Synthetische wijk {w + 1}" for w in wijkvlakken["wijk"]]
    gemeente = gpd.GeoDataFrame({"statcode": [GM], "statnaam": ["Synthetisch land"]},
                                geometry=[shapely.segmentize(GEBIED, punt_afstand)], crs=CRS)
    kolommen = ["statcode", "statnaam", "geometry"]
    return {"buurten": frame[kolommen], "wijken": wijkvlakken[kolommen], "gemeente": gemeente}


def kerncijfers(delen: dict[str, gpd.GeoDataFrame], jaren: list[int], rng: np.random.Generator) -> pd.DataFrame:
    """Inwoners, woningen, area and density per buurt, summed for wijken and the gemeente."""
    buurten = delen["buurten"]
    ha = (buurten.geometry.area / 10_000).round()
    rijen = []
    inwoners = rng.lognormal(7.0, 0.6, len(buurten)).round()
    for jaar in jaren:
        inwoners = (inwoners * rng.normal(1.005, 0.01, len(buurten))).round()
        woningen = (inwoners / rng.uniform(1.8, 2.6, len(buurten))).round()
        per_buurt = pd.DataFrame({"code": buurten["statcode"], "wijk": "WK" + buurten["statcode"].str[2:8],
                                  "inwoners": inwoners, "woningvoorraad": woningen, "oppervlakte_land": ha})
        per_wijk = per_buurt.groupby("wijk")[["inwoners", "woningvoorraad", "oppervlakte_land"]].sum()
        totaal = per_buurt[["inwoners", "woningvoorraad", "oppervlakte_land"]].sum().to_frame(GM).T
        for niveau, tabel in (("buurt", per_buurt.set_index("code")), ("wijk", per_wijk), ("gemeente", totaal)):
            tabel = tabel.assign(bevolkingsdichtheid=(tabel["inwoners"] / (tabel["oppervlakte_land"] / 100)).round())
            for indicator, eenheid in (("inwoners", "aantal inwoners"), ("woningvoorraad", "aantal woningen"),
                                       ("oppervlakte_land", "ha"), ("bevolkingsdichtheid", "inwoners per km² land")):
                rijen.append(pd.DataFrame({
                    "gebiedscode": tabel.index, "niveau": niveau, "indicator": indicator,
                    "waarde": tabel[indicator].astype(int).astype(str), "eenheid": eenheid, "peiljaar": str(jaar),
                    "kwalificatie": "", "bron": f"{BRON}, {jaar}", "opmerking": "",
                }))
    return pd.concat(rijen, ignore_index=True)


def meldingen(buurten: gpd.GeoDataFrame, aantal: int, rng: np.random.Generator) -> pd.DataFrame:
    """Dated meldingen at random points inside random buurten (WGS84, as the store keeps them)."""
    gekozen = buurten.iloc[rng.integers(0, len(buurten), aantal)]
    punten = gpd.GeoSeries(gekozen.geometry.representative_point().to_numpy(), crs=CRS).to_crs("EPSG:4326")
    themas = ("Rattenoverlast", "Meeuwenoverlast", "Grofvuil", "Zwerfvuil")
    dagen = rng.integers(0, 700, aantal)
    return pd.DataFrame({
        "id": [f"melding_{i:05d}" for i in range(aantal)],
        "thema": [themas[i % len(themas)] for i in range(aantal)],
        "omschrijving": "Synthetische melding (testgegevens)",
        "gebiedscode": gekozen["statcode"].to_numpy(),
        "plaatsen": "", "periode": "", "bron": "S1", "opmerking": "",
        "datum": (pd.Timestamp("2024-01-01") + pd.to_timedelta(dagen, unit="D")).strftime("%Y-%m-%d"),
        "lon": punten.x.round(6).astype(str).to_numpy(), "lat": punten.y.round(6).astype(str).to_numpy(),
        "bron_omschrijving": "",
    })


def schrijf(doel: Path, buurten: int, wijken: int, punten: int, punt_afstand: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    doel.mkdir(parents=True, exist_ok=True)
    cbs, programma = doel / "cbs", doel / "programma"
    cbs.mkdir(exist_ok=True)
    programma.mkdir(exist_ok=True)
    jaren = [2023, 2024]
    delen = grenzen(buurten, wijken, punt_afstand, rng)
    manifest = {"gemeentecode": GM, "aangemaakt": pd.Timestamp.now(tz="UTC").isoformat(timespec="seconds"),
                "gegeneraliseerd": False, "grenzen": {}, "kerncijfers": "kerncijfers.csv",
                "herkomst": [{"wat": BRON, "url": "bench/nationaal.py", "tabel": "", "opgehaald": "nvt", "licentie": "nvt"}]}
    for jaar in jaren:  # the same indeling in both years
        manifest["grenzen"][str(jaar)] = {"bron": f"{BRON} (grenzen {jaar})"}
        for niveau, frame in delen.items():
            bestand = f"{niveau}_{jaar}.parquet"
            frame.to_parquet(cbs / bestand)
            manifest["grenzen"][str(jaar)][niveau] = bestand
    (cbs / "snapshot.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    kerncijfers(delen, jaren, rng).to_csv(cbs / "kerncijfers.csv", index=False)

    # Programme files: the fixture gemeente's (fictional) texts, with this set's areas and items.
    for naam in ("opgaven", "bronnen", "tijdlijn", "budget", "organisatie", "partners"):
        (programma / f"{naam}.csv").write_text((PROEF / "programma" / f"{naam}.csv").read_text(encoding="utf-8"))
    with (programma / "bronnen.csv").open("a", encoding="utf-8") as f:
        f.write(f'S1,"{BRON}",,2026-11-25\n')
    noord = delen["buurten"]["statcode"][delen["buurten"]["statcode"].str[6:8] == "00"]
    pd.DataFrame([{"gebiedscode": "SP", "naam": "Synthetisch programmagebied", "niveau": "programmagebied",
                   "bestaat_uit": ";".join(noord), "toelichting": "De buurten van synthetische wijk 1."}]
                 ).to_csv(programma / "gebieden.csv", index=False)
    pd.DataFrame(columns=["id", "name", "kind", "opgave", "address", "postcode", "buurt_hint", "lat", "lon",
                          "coord_source", "address_source", "source_date", "notes"]).to_csv(programma / "plaatsen.csv", index=False)
    pd.DataFrame(columns=["plaats", "gebiedscode", "reden"]).to_csv(programma / "plaats_gebied.csv", index=False)
    opgaven = pd.read_csv(PROEF / "programma" / "opgaven.csv")["opgave"].tolist()
    pd.DataFrame([{"id": f"actie_{i}", "naam": f"Synthetische actie {i}", "opgave": opgaven[i % len(opgaven)],
                   "opgave_herkomst": "bron", "status": ("gestart", "gepland")[i % 2], "jaar": "2024",
                   "partners": "onbekend", "omschrijving": "Synthetische actie (testgegevens)", "gebiedscode": "SP",
                   "plaatsen": "", "bron": "S1", "bron_datum": "2026-11-25", "opmerking": ""} for i in range(20)]
                 ).to_csv(programma / "acties.csv", index=False)
    meldingen(delen["buurten"], punten, rng).to_csv(programma / "hotspots.csv", index=False)
    (programma / "indicatoren.csv").write_text(
        "gebiedscode,niveau,indicator,waarde,eenheid,peiljaar,kwalificatie,bron,opmerking\n", encoding="utf-8")
    config = (PROEF / "config.toml").read_text(encoding="utf-8")
    kop = config.partition("[presentatie")[0].partition("[indicatoren]")[0]
    kop = (kop.replace('code = "GM9999"', f'code = "{GM}"').replace('naam = "Proefgemeente"', 'naam = "Synthetisch land"')
           .replace('gebiedscode = "PO"', 'gebiedscode = "SP"')
           .replace('gebiedsnaam = "Proefwijk Oost"', 'gebiedsnaam = "Synthetisch programmagebied"'))
    kaart = "\n".join(f'"{o}" = "bevolkingsdichtheid"' for o in opgaven)
    cijfers = "\n".join(f'"{o}" = [["inwoners", "SP"]]' for o in opgaven)
    (doel / "config.toml").write_text(
        "# SYNTHETIC: generated by bench/nationaal.py for benchmarks; not real data.\n" + kop
        + '[indicatoren]\nstandaard = "bevolkingsdichtheid"\nraad = ["bevolkingsdichtheid", "inwoners_per_woning"]\n\n'
        + f"[presentatie.kaart]\n{kaart}\n\n[presentatie.kerncijfers]\n{cijfers}\n\n"
        + '[data]\nprogramma = "programma"\nindicatoren = "programma/indicatoren.csv"\n'
        + f'definities = "{(PROEF / "indicator_definities.csv").as_posix()}"\ncbs = "cbs"\nververst = "ververst"\n',
        encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--doel", type=Path, default=ROOT / "bench" / "nationaal")
    parser.add_argument("--buurten", type=int, default=14_500)
    parser.add_argument("--wijken", type=int, default=400)
    parser.add_argument("--punten", type=int, default=10_000)
    parser.add_argument("--punt-afstand", type=float, default=25.0, help="metres between vertices on an edge")
    parser.add_argument("--seed", type=int, default=2041)
    args = parser.parse_args(argv)
    begin = time.perf_counter()
    schrijf(args.doel, args.buurten, args.wijken, args.punten, args.punt_afstand, args.seed)
    buurten = gpd.read_parquet(args.doel / "cbs" / "buurten_2024.parquet")
    hoekpunten = shapely.get_num_coordinates(buurten.geometry.to_numpy())
    print(f"{len(buurten):,} buurten, hoekpunten per buurt mediaan {int(np.median(hoekpunten))} "
          f"(min {hoekpunten.min()}, max {hoekpunten.max()}), {args.punten:,} meldingen, "
          f"in {time.perf_counter() - begin:.1f} s → {args.doel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
