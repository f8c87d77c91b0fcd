// Progressive enhancement: suggests municipality names while typing in a search box.
// The form works the same without it; suggestions come from the open API as a native <datalist>.
(() => {
  var inputs = document.querySelectorAll('form[action$="/search"] input[name="q"]');
  Array.prototype.forEach.call(inputs, (input, n) => {
    var list = document.createElement('datalist');
    list.id = `suggestions-${n}`;
    input.parentNode.appendChild(list);
    input.setAttribute('list', list.id);
    var timer,
      last = '',
      controller;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2 || q === last) return;
      timer = setTimeout(() => {
        last = q;
        if (controller) controller.abort();
        controller = new AbortController();
        fetch(`/api/v1/municipalities?limit=6&q=${encodeURIComponent(q)}`, { signal: controller.signal })
          .then((r) => (r.ok ? r.json() : { data: [] }))
          .then((body) => {
            list.replaceChildren.apply(
              list,
              body.data.map((m) => {
                var option = document.createElement('option');
                option.value = m.name;
                option.label = m.nativeName && m.nativeName !== m.name ? `${m.nativeName} · ${m.country}` : m.country;
                return option;
              }),
            );
          })
          .catch(() => {
            /* offline or aborted: the plain search still works */
          });
      }, 150);
    });
  });
})();
