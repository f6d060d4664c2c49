"""Logboek en herstel: every change with its previous values; removed items restored (inloggen nodig)."""

from app import logboek_view, toegang
from app import settings as s
from app.data import bij_opslagfout

winkel, gebruiker = toegang.beheerpagina(s.PAGINA_BEHEER_LOGBOEK)
with bij_opslagfout():
    logboek_view.toon(winkel, gebruiker)
