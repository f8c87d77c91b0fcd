// Progressive enhancement: turns each .places-map into a Leaflet map of places in clusters, each
// place's popup linking to its profile. Without JavaScript the element stays hidden and the page's
// list or text says it all. The places come from a data block inside the element or from the
// address in data-source, as [latitude, longitude, name, address after data-base]. A map is drawn
// when it comes near the screen: a phone that never scrolls to it loads no places and no tiles.
(() => {
  if (typeof L === 'undefined' || !L.markerClusterGroup) return;

  function show(el, shown) {
    el.hidden = !shown;
    el.parentElement.classList.toggle('has-map', shown);
  }

  function draw(el, places) {
    if (!places.length) return show(el, false);
    var canvas = document.createElement('div');
    canvas.className = 'map-canvas';
    canvas.setAttribute('role', 'region');
    canvas.setAttribute('aria-label', el.dataset.label || '');
    el.insertBefore(canvas, el.firstChild);
    var map = L.map(canvas, { scrollWheelZoom: false });
    L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution }).addTo(map);
    var clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50, chunkedLoading: true });
    places.forEach((p) => {
      // Built as elements, never as HTML: a name is text, whatever it holds.
      var link = document.createElement('a');
      link.href = el.dataset.base + p[3];
      link.textContent = p[2];
      clusters.addLayer(L.marker([p[0], p[1]], { title: p[2], alt: p[2] }).bindPopup(link));
    });
    map.addLayer(clusters);
    map.fitBounds(clusters.getBounds(), { padding: [20, 20], maxZoom: 11 });
    el.classList.add('map--ready');
  }

  function load(el) {
    var block = el.querySelector('script[type="application/json"]');
    if (block) {
      draw(el, JSON.parse(block.textContent || '[]'));
    } else if (el.dataset.source) {
      fetch(el.dataset.source, { headers: { accept: 'application/json' } })
        .then((r) => (r.ok ? r.json() : { places: [] }))
        .then((data) => draw(el, data.places || []))
        .catch(() => show(el, false));
    }
  }

  document.querySelectorAll('.places-map').forEach((el) => {
    show(el, true);
    if (!('IntersectionObserver' in window)) {
      load(el);
      return;
    }
    var near = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        near.disconnect();
        load(el);
      },
      { rootMargin: '300px' },
    );
    near.observe(el);
  });
})();
