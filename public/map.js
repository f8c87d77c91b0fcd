// Progressive enhancement: turns a single place's .map into a Leaflet map. A .map with
// data-lat/-lon gets a marker there; a .boundary-map draws the GeoJSON of its data block (a town's
// boundary). Without JavaScript, or when tiles cannot load, the page's coordinates, link or words
// about the extent stay visible.
(() => {
  var el = document.querySelector('.map[data-lat], .boundary-map[data-tiles]');
  if (!el || typeof L === 'undefined') return;
  var canvas = document.createElement('div');
  canvas.className = 'map-canvas';
  canvas.setAttribute('role', 'region');
  canvas.setAttribute('aria-label', el.dataset.label || '');
  el.insertBefore(canvas, el.firstChild);
  var map = L.map(canvas, { scrollWheelZoom: false });
  L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution }).addTo(map);
  const data = el.querySelector('script[type="application/json"]');
  if (el.classList.contains('boundary-map') && data) {
    const shape = L.geoJSON(JSON.parse(data.textContent), { interactive: false }).addTo(map);
    map.fitBounds(shape.getBounds());
  } else {
    const point = [Number(el.dataset.lat), Number(el.dataset.lon)];
    map.setView(point, 11);
    L.marker(point, { keyboard: false }).addTo(map);
  }
  el.classList.add('map--ready');
})();
