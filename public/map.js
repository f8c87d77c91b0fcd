// Progressive enhancement: turns a .map element with data-lat/-lon/-tiles into a Leaflet map.
// Without JavaScript, or when tiles cannot load, the place's coordinates and a link stay visible.
(() => {
  var el = document.querySelector('.map[data-lat]');
  if (!el || typeof L === 'undefined') return;
  var lat = Number(el.dataset.lat),
    lon = Number(el.dataset.lon);
  var canvas = document.createElement('div');
  canvas.className = 'map-canvas';
  canvas.setAttribute('role', 'region');
  canvas.setAttribute('aria-label', el.dataset.label || '');
  el.insertBefore(canvas, el.firstChild);
  var map = L.map(canvas, { scrollWheelZoom: false }).setView([lat, lon], 11);
  L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution }).addTo(map);
  L.marker([lat, lon], { keyboard: false }).addTo(map);
  el.classList.add('map--ready');
})();
