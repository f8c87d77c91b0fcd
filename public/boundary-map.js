// Progressive enhancement: draws a town's boundary (the GeoJSON in the .boundary-map's data block)
// on a Leaflet map. Without JavaScript the page says the boundary's extent in words.
(() => {
  var el = document.querySelector('.boundary-map[data-tiles]');
  var data = el?.querySelector('script[type="application/json"]');
  if (!data || typeof L === 'undefined') return;
  var canvas = document.createElement('div');
  canvas.className = 'map-canvas';
  canvas.setAttribute('role', 'region');
  canvas.setAttribute('aria-label', el.dataset.label || '');
  el.insertBefore(canvas, el.firstChild);
  var map = L.map(canvas, { scrollWheelZoom: false });
  L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution }).addTo(map);
  var shape = L.geoJSON(JSON.parse(data.textContent), { interactive: false }).addTo(map);
  map.fitBounds(shape.getBounds());
  el.classList.add('map--ready');
})();
