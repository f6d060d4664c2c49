"""Over de gegevens: where every file comes from, its licence and its limits."""

from pathlib import Path

import streamlit as st

from app.data import wijkdata
from app.formats import waarde_tekst

st.title("Over de gegevens")
data = wijkdata()

st.markdown((Path(__file__).resolve().parent.parent / "data" / "README.md").read_text(encoding="utf-8"))

st.subheader("Alle cijfers")
tabel = data.indicatoren.assign(
    Indicator=data.indicatoren["indicator"].map(lambda i: data.definities[i].label),
    Gebied=data.indicatoren["gebiedscode"].map(lambda c: data.gebieden.loc[c, "naam"]),
    Waarde=[waarde_tekst(w, e, q) for w, e, q in zip(data.indicatoren["waarde"], data.indicatoren["eenheid"], data.indicatoren["kwalificatie"], strict=True)],
    Afgeleid=data.indicatoren["afgeleid"].map({True: "ja", False: "nee"}),
)[["Gebied", "gebiedscode", "niveau", "Indicator", "Waarde", "peiljaar", "Afgeleid", "bron", "opmerking"]]
st.dataframe(tabel, hide_index=True, width="stretch")

st.subheader("Bronnen van acties en overlast")
st.dataframe(data.programma.bronnen, hide_index=True, width="stretch")
