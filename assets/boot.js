// Runs before the app's loader (a plain script placed ahead of it in <head>), so that a
// failure of the loader's download is heard even when it comes at once; what it shows waits
// until the page is parsed. When the app cannot start (a browser without WebAssembly, a
// download that fails or hangs), it says what to do instead of leaving a blank page. It also
// recognises in-app browsers (Zalo, Facebook, Messenger), where drafts and downloads are
// unreliable. Plain ES5 on purpose: it must run where the app cannot.
(function () {
  var started = false;
  var timer;

  function el(id) {
    return document.getElementById(id);
  }

  // A failure heard before the page is parsed, shown once it is.
  var pending = null;

  // Says why the app cannot start; the first reason found is the most precise, so it stays.
  function fail(reason) {
    if (document.readyState === 'loading') {
      pending = pending || reason;
      return;
    }
    if (started || !el('shell')) return;
    var box = el('boot-fail');
    if (!box || !box.hidden) return;
    el('boot-status').hidden = true;
    el('boot-reason').textContent = reason;
    box.hidden = false;
  }

  window.addEventListener('TrunkApplicationStarted', function () {
    started = true;
    clearTimeout(timer);
  });

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail('Trình duyệt này không chạy được WebAssembly (trình duyệt quá cũ, hoặc WebAssembly bị tắt).');
  }

  // Errors of the app's own script or module, or of their download; not of an icon.
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && t.tagName) {
      var src = t.src || t.href || '';
      if (!/\.(js|wasm)(\?|$)/.test(src)) return;
    }
    fail('Không tải được hoặc không khởi động được ứng dụng.');
  }, true);
  window.addEventListener('unhandledrejection', function () {
    fail('Không tải được hoặc không khởi động được ứng dụng.');
  });
  timer = setTimeout(function () {
    fail('Ứng dụng chưa tải xong sau 30 giây: mạng chậm hoặc bị ngắt.');
  }, 30000);

  document.addEventListener('DOMContentLoaded', function () {
    if (pending) fail(pending);
    ready();
  });

  // What needs the page: the retry button, the note for in-app browsers.
  function ready() {
    var retry = el('boot-retry');
    if (retry) {
      retry.onclick = function () {
        location.reload();
      };
    }

    var ua = navigator.userAgent || '';
    if (/Zalo|FBAN|FBAV|FB_IAB|FBIOS|Messenger|Instagram/i.test(ua)) {
      el('inapp').hidden = false;
      el('inapp-copy').onclick = function () {
        var done = function () { el('inapp-copied').textContent = 'Đã sao chép đường dẫn.'; };
        var show = function () { el('inapp-copied').textContent = 'Chép đường dẫn này: ' + location.href; };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(location.href).then(done, show);
        } else {
          show();
        }
      };
    }
  }
})();
