/* Symbols of the wijkkaart: one call per layer turns a JSON list into Leaflet markers.
 *
 * Every text is put into the page with textContent or setAttribute, never as HTML, so a name
 * or description typed by a user (or imported) shows literally and can never run as script.
 * Exactly placed symbols (meldingen at an address) go into a cluster group.
 */
(function () {
  "use strict";

  function element(tag, tekst, klasse) {
    var e = document.createElement(tag);
    if (tekst !== undefined) e.textContent = tekst;
    if (klasse) e.className = klasse;
    return e;
  }

  function icoon(d) {
    var div = element("div", undefined, "wk-symbool wk-" + d.soort + " wk-" + d.vorm + " wk-precisie-" + d.precisie);
    div.setAttribute("data-id", d.id);
    div.setAttribute("data-opgave", d.opgave);
    div.style.setProperty("--kleur", d.kleur);
    div.appendChild(element("span"));
    return div;
  }

  function popup(d) {
    var div = element("div", undefined, "wk-popup");
    div.appendChild(element("h4", d.naam));
    div.appendChild(element("p", d.omschrijving));
    var tabel = element("table");
    d.rijen.forEach(function (rij) {
      var tr = tabel.insertRow();
      tr.appendChild(element("th", rij[0]));
      tr.appendChild(element("td", rij[1]));
    });
    div.appendChild(tabel);
    return div;
  }

  // Leaflet focuses the map on every press (for its keyboard controls) and then restores the
  // scroll position of its own window only. The map lives in an iframe: when that is partly off
  // screen, focusing scrolls the Streamlit page, the map jumps under the pointer, and the release
  // lands elsewhere: a symbol's popup did not open and the buurt under it was chosen instead
  // (seen at 1366x768). Focus without scrolling anything.
  L.Map.Keyboard.prototype._onMouseDown = function () {
    if (!this._focused) this._map._container.focus({preventScroll: true});
  };

  // streamlit-folium reports a map click only when its position differs from the last one it
  // reported, so a second click on exactly the same spot (after choosing another buurt in the
  // list, or typing other coordinates) was lost. Every other click moves a billionth of a degree
  // (~0.1 mm) north, so each click differs from the one before and lands in the same buurt.
  // Registered in the map script, before streamlit-folium's own click handler reads e.latlng.
  window.wkElkeKlik = function (kaart) {
    var verschoven = false;
    kaart.on("click", function (e) {
      verschoven = !verschoven;
      if (verschoven) e.latlng = L.latLng(e.latlng.lat + 1e-9, e.latlng.lng);
    });
  };

  // Buurten of a large set on one canvas: [{c: code, k: colour, t: hover text (lines), g: GeoJSON geometry}].
  // The number drawn is kept on the document for tests and benchmarks (no SVG paths to count).
  var canvas = null;
  window.wkVlakken = function (laag, vlakken) {
    canvas = canvas || L.canvas({padding: 0.3, pane: "wkVlakken"});
    vlakken.forEach(function (d) {
      var geen = d.k === "#ffffff";
      var vlak = L.geoJSON(d.g, {
        renderer: canvas,
        style: {fillColor: d.k, fillOpacity: geen ? 0.55 : 0.85, color: "#737373", weight: 0.6,
                dashArray: geen ? "4 3" : null},
      });
      vlak.bindTooltip(function () { return element("span", d.t, "wk-regels"); }, {sticky: true});
      laag.addLayer(vlak);
    });
    document.documentElement.setAttribute("data-wk-vlakken", String(vlakken.length));
  };

  window.wkSymbolen = function (laag, px, clusterOpties, symbolen) {
    var clusters = L.markerClusterGroup(clusterOpties);
    symbolen.forEach(function (d) {
      var marker = L.marker([d.lat, d.lon], {
        title: d.tip, // a DOM property: the marker's name for screen readers, not HTML
        icon: L.divIcon({html: icoon(d), iconSize: [px, px], iconAnchor: d.anker, className: "wk-icoon"}),
      });
      marker.bindTooltip(function () { return element("span", d.tip); }, {sticky: true});
      marker.bindPopup(function () { return popup(d); }, {maxWidth: 340});
      (d.cluster ? clusters : laag).addLayer(marker);
    });
    laag.addLayer(clusters);
  };
})();
