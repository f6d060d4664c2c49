"""Logboek en herstel: every change with its previous values; removed items restored (inloggen nodig)."""

from app import logboek_view, toegang
from app import settings as s

winkel, gebruiker = toegang.beheerpagina(s.PAGINA_BEHEER_LOGBOEK)
logboek_view.toon(winkel, gebruiker)
