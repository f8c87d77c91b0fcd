// Progressive enhancement of the report form, beside the place picker of editor.js. Without
// JavaScript the form is complete: the town is chosen from a list, the place typed as an address
// (or as latitude and longitude), and every category's questions are shown under its name. With
// it: the map looks at the chosen town, "use my location" fills the point, and only the chosen
// category's questions are shown.
(() => {
  const form = document.querySelector('form.form--sections');
  if (!form) return;
  const lat = form.querySelector('#latitude'),
    lon = form.querySelector('#longitude');
  const picker = form.querySelector('.place-picker');
  const town = form.querySelector('#town');

  if (picker && town) {
    const centres = JSON.parse(picker.dataset.centres || '{}');
    const look = () => {
      const c = centres[town.value];
      if (c?.[0] == null) return;
      picker.dataset.centre = JSON.stringify(c);
      picker.dispatchEvent(new Event('centre'));
    };
    look();
    town.addEventListener('change', look);
  }

  // "Use my location": only where the browser can tell it, and only when asked. The picker follows
  // the fields as they change, as when they are typed.
  const locate = form.querySelector('.locate');
  if (locate && lat && lon && 'geolocation' in navigator) {
    const status = locate.querySelector('[role=status]');
    locate.hidden = false;
    locate.querySelector('button').addEventListener('click', () => {
      status.textContent = status.dataset.busy;
      navigator.geolocation.getCurrentPosition(
        (p) => {
          status.textContent = '';
          lat.value = p.coords.latitude.toFixed(5);
          lon.value = p.coords.longitude.toFixed(5);
          lat.dispatchEvent(new Event('input'));
        },
        () => {
          status.textContent = status.dataset.failed;
        },
        { enableHighAccuracy: true, timeout: 15000 },
      );
    });
  }

  // The second step: the chosen category's questions only.
  const groups = form.querySelectorAll('fieldset[data-category]');
  if (groups.length) {
    const sync = () => {
      const chosen = form.querySelector('input[name="category"]:checked')?.value;
      for (const g of groups) g.hidden = g.dataset.category !== chosen;
    };
    for (const r of form.querySelectorAll('input[name="category"]')) r.addEventListener('change', sync);
    sync();
  }
})();
