"""Display tables of the 'Over de gegevens' page."""

from __future__ import annotations

import pandas as pd

from app.formats import waarde_tekst
from geo.bundel import Wijkdata


def snapshottekst(data: Wijkdata) -> str:
    """One sentence on which CBS data the app shows: years, precision, when it was made."""
    sn = data.snapshot
    jaren = ", ".join(map(str, sorted(sn.grenzen)))
    soort = "vereenvoudigde grenzen" if sn.gegeneraliseerd else "grenzen op volle precisie"
    return (f"CBS-gegevens van gemeente {sn.gemeentecode}: grenzen van {jaren} ({soort}; de kaart tekent die van "
            f"{sn.jaar}), kerncijfers van {', '.join(map(str, sorted({int(j) for j in data.reeksen['peiljaar'] if j.isdigit()})))}. "
            f"Samengesteld op {sn.aangemaakt[:10]}.")


def herkomsttabel(data: Wijkdata) -> pd.DataFrame:
    """Provenance of every part of the active snapshot: what, where from, table, when, licence."""
    return pd.DataFrame(
        [{"Wat": h.wat, "Bron (URL)": h.url, "Tabel": h.tabel or "—", "Opgehaald": h.opgehaald, "Licentie": h.licentie}
         for h in data.snapshot.herkomst],
        columns=["Wat", "Bron (URL)", "Tabel", "Opgehaald", "Licentie"],
    )


def cijfertabel(data: Wijkdata) -> pd.DataFrame:
    """Every figure the app knows, of every reference year, source and derived, with Dutch labels
    and formatted values (an area of an older indeling shows its code)."""
    t = data.reeksen
    namen = data.gebieden["naam"]
    return pd.DataFrame({
        "Gebied": t["gebiedscode"].map(lambda c: namen.get(c, c)),
        "Code": t["gebiedscode"],
        "Niveau": t["niveau"],
        "Indicator": t["indicator"].map(lambda i: data.definities[i].label),
        # the definition's unit, as on the map and in the buurt panel
        "Waarde": [
            waarde_tekst(w, data.definities[i].eenheid, q)
            for w, i, q in zip(t["waarde"], t["indicator"], t["kwalificatie"], strict=True)
        ],
        "Peiljaar": t["peiljaar"],
        "Afgeleid": t["afgeleid"].map({True: "ja", False: "nee"}),
        "Bron": t["bron"],
        "Opmerking": t["opmerking"],
    })
