// Progressive enhancement of the newsroom's editor. Without JavaScript the form is complete: folding
// sections are <details>, the body is Markdown, the place is typed as latitude and longitude.
(() => {
  const form = document.querySelector('form.form--sections');
  if (!form) return;

  // An error summary's link to a field in a folded section opens the section first.
  document.addEventListener('click', (e) => {
    const link = e.target.closest?.('.error-summary a[href^="#"]');
    const field = link && document.getElementById(link.getAttribute('href').slice(1));
    const section = field?.closest('details');
    if (section) section.open = true;
  });

  // The chosen picture, shown before it is uploaded.
  const file = form.querySelector('input[type=file][name=image]');
  if (file) {
    const holder = file.closest('.picture-field');
    let shown = null;
    file.addEventListener('change', () => {
      if (shown) {
        URL.revokeObjectURL(shown.querySelector('img').src);
        shown.remove();
        shown = null;
      }
      const chosen = file.files?.[0];
      if (!chosen || !/^image\//.test(chosen.type)) return;
      shown = document.createElement('figure');
      shown.className = 'picture-preview';
      const img = document.createElement('img');
      img.alt = '';
      img.src = URL.createObjectURL(chosen);
      const caption = document.createElement('figcaption');
      caption.textContent = holder.dataset.previewLabel;
      shown.append(img, caption);
      holder.append(shown);
    });
  }

  placePicker(form.querySelector('.place-picker'));
  markdownEditor(form.querySelector('.md-editor'));

  function placePicker(el) {
    if (!el || typeof L === 'undefined') return;
    const lat = form.querySelector('#latitude'),
      lon = form.querySelector('#longitude');
    el.hidden = false;
    const canvas = document.createElement('div');
    canvas.className = 'map-canvas';
    canvas.setAttribute('role', 'region');
    canvas.setAttribute('aria-label', el.dataset.label || '');
    el.append(canvas);
    const map = L.map(canvas, { scrollWheelZoom: false });
    L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution }).addTo(map);
    let marker = null;
    const typed = () => {
      const a = Number(lat.value),
        b = Number(lon.value);
      return lat.value.trim() && lon.value.trim() && Math.abs(a) <= 90 && Math.abs(b) <= 180 ? [a, b] : null;
    };
    const place = (at) => {
      if (!marker) {
        marker = L.marker(at, { draggable: true, keyboard: false }).addTo(map);
        marker.on('dragend', () => fill(marker.getLatLng()));
      } else marker.setLatLng(at);
    };
    const fill = (at) => {
      lat.value = at.lat.toFixed(5);
      lon.value = at.lng.toFixed(5);
    };
    const start = typed();
    // Where to look before a place is given: the picker's data-centre (e.g. the chosen town), else Europe.
    const centre = () => (el.dataset.centre ? JSON.parse(el.dataset.centre) : null);
    if (start) {
      place(start);
      map.setView(start, 14);
    } else if (centre()) map.setView(centre(), 13);
    else map.setView([50, 12], 4);
    el.addEventListener('centre', () => {
      if (!typed() && centre()) map.setView(centre(), 13);
    });
    map.on('click', (e) => {
      place(e.latlng);
      fill(e.latlng);
    });
    const follow = () => {
      const at = typed();
      if (!at) return;
      place(at);
      map.panTo(at);
    };
    lat.addEventListener('input', follow);
    lon.addEventListener('input', follow);
    // A map drawn inside a folded section measures nothing until the section opens.
    const section = el.closest('details');
    if (section) section.addEventListener('toggle', () => map.invalidateSize());
  }

  function markdownEditor(box) {
    if (!box) return;
    const area = box.querySelector('textarea');
    const toolbar = box.querySelector('.md-toolbar');
    const tabs = box.querySelector('.md-tabs');
    const write = box.querySelector('#body-write'),
      preview = box.querySelector('#body-preview');
    // The toolbar sits right above the text it edits, below the label and hint.
    area.before(toolbar);
    toolbar.hidden = false;
    tabs.hidden = false;
    write.setAttribute('role', 'tabpanel');
    write.setAttribute('aria-labelledby', 'body-write-tab');
    preview.setAttribute('role', 'tabpanel');
    preview.setAttribute('aria-labelledby', 'body-preview-tab');
    preview.tabIndex = 0;

    const MARKS = {
      bold: ['**', '**'],
      italic: ['*', '*'],
      link: ['[', '](https://)'],
    };
    const LINES = { heading: '## ', list: '- ', quote: '> ' };
    toolbar.addEventListener('click', (e) => {
      const mark = e.target.closest('button')?.dataset.mark;
      if (!mark) return;
      const from = area.selectionStart,
        to = area.selectionEnd,
        text = area.value;
      let chosen = text.slice(from, to);
      let before, inserted, caret;
      if (MARKS[mark]) {
        inserted = MARKS[mark][0] + chosen + MARKS[mark][1];
        before = from;
        caret = chosen ? before + inserted.length : before + MARKS[mark][0].length;
      } else {
        // Line marks go at the start of each chosen line.
        before = text.lastIndexOf('\n', from - 1) + 1;
        chosen = text.slice(before, to);
        inserted = chosen
          .split('\n')
          .map((line) => LINES[mark] + line)
          .join('\n');
        caret = before + inserted.length;
      }
      area.focus();
      area.setRangeText(inserted, before, to, 'select');
      area.setSelectionRange(caret, caret);
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });

    const tabList = [box.querySelector('#body-write-tab'), box.querySelector('#body-preview-tab')];
    const select = (which) => {
      tabList.forEach((tab, i) => {
        tab.setAttribute('aria-selected', String(i === which));
        tab.tabIndex = i === which ? 0 : -1;
      });
      write.hidden = which !== 0;
      preview.hidden = which !== 1;
      if (which === 1) render();
    };
    tabList.forEach((tab, i) => {
      tab.addEventListener('click', () => select(i));
      tab.addEventListener('keydown', (e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        const next = 1 - i;
        select(next);
        tabList[next].focus();
      });
    });

    function render() {
      if (!area.value.trim()) {
        preview.textContent = box.dataset.empty;
        return;
      }
      const body = new URLSearchParams({ _csrf: form.querySelector('input[name=_csrf]').value, body: area.value });
      fetch(box.dataset.preview, { method: 'POST', body: body, headers: { accept: 'application/json' }, credentials: 'same-origin' })
        .then((res) => res.json().then((answer) => ({ ok: res.ok, answer: answer })))
        .then((r) => {
          // The server renders and sanitises the text exactly as when it is saved.
          if (r.ok) preview.innerHTML = r.answer.html;
          else preview.textContent = r.answer.error || r.answer.title || box.dataset.failed;
        })
        .catch(() => {
          preview.textContent = box.dataset.failed;
        });
    }
  }
})();
