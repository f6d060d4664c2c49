"""Nog te plaatsen: give coordinates to places known only by address (inloggen nodig)."""

from app import plaatsen_view, toegang
from app import settings as s
from app.data import bij_opslagfout, wijkdata

winkel, gebruiker = toegang.beheerpagina(s.PAGINA_BEHEER_PLAATSEN)
with bij_opslagfout():
    plaatsen_view.toon(wijkdata(), winkel, gebruiker)
