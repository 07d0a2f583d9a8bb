// The little the page needs beyond htmx: drag-and-drop uploads with a size check before sending,
// live slider labels, full-resolution renders on release, and clearing the instruction box.
(function () {
  "use strict";

  function showMessage(text) {
    var box = document.getElementById("messages");
    if (!box) { return; }
    var div = document.createElement("div");
    div.className = "error";
    div.setAttribute("role", "alert");
    div.textContent = text;
    box.replaceChildren(div);
  }

  function clearMessages() {
    var box = document.getElementById("messages");
    if (box) { box.replaceChildren(); }
  }

  function checkSize(form, file) {
    var max = parseInt(form.getAttribute("data-max-bytes"), 10);
    if (file && max && file.size > max) {
      showMessage("That file is " + (file.size / 1048576).toFixed(1) + " MB; the limit is " +
        Math.floor(max / 1048576) + " MB. Please choose a smaller photo.");
      return false;
    }
    if (file && file.size === 0) {
      showMessage("That file is empty. Please choose a photo.");
      return false;
    }
    return true;
  }

  document.addEventListener("dragover", function (e) {
    var zone = e.target.closest && e.target.closest(".dropzone");
    if (zone) { e.preventDefault(); zone.classList.add("dragging"); }
  });
  document.addEventListener("dragleave", function (e) {
    var zone = e.target.closest && e.target.closest(".dropzone");
    if (zone) { zone.classList.remove("dragging"); }
  });
  document.addEventListener("drop", function (e) {
    var zone = e.target.closest && e.target.closest(".dropzone");
    if (!zone) { return; }
    e.preventDefault();
    zone.classList.remove("dragging");
    var files = e.dataTransfer && e.dataTransfer.files;
    if (!files || files.length === 0) { return; }
    var input = zone.querySelector("input[type=file]");
    var dt = new DataTransfer();
    dt.items.add(files[0]);
    input.files = dt.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });

  document.addEventListener("htmx:confirm", function (e) {
    var form = e.target;
    if (form.id === "upload") {
      var input = form.querySelector("input[type=file]");
      var file = input.files && input.files[0];
      if (!file || !checkSize(form, file)) {
        e.preventDefault();
        input.value = "";
      }
    }
  });

  document.addEventListener("input", function (e) {
    var el = e.target;
    if (el.type === "range") {
      var out = el.parentElement.querySelector("output");
      if (out) { out.textContent = Number(el.value).toFixed(2); }
    }
  });

  // A slider released asks for the full-resolution render; while dragging, previews.
  document.addEventListener("htmx:configRequest", function (e) {
    var trigger = e.detail.triggeringEvent;
    if (e.detail.elt.id === "sliders") {
      e.detail.parameters.size = trigger && trigger.type === "change" ? "full" : "preview";
    }
  });

  document.addEventListener("htmx:beforeRequest", function (e) {
    if (e.detail.elt.id === "upload" || e.detail.elt.id === "instruct") { clearMessages(); }
  });

  document.addEventListener("htmx:afterRequest", function (e) {
    var elt = e.detail.elt;
    if (elt.id === "instruct" && e.detail.successful) {
      elt.querySelector("input[name=text]").value = "";
      var list = document.getElementById("conversation");
      if (list && list.lastElementChild) { list.lastElementChild.scrollIntoView({ block: "nearest" }); }
    }
    if (elt.id === "upload" && !e.detail.successful) {
      var input = elt.querySelector("input[type=file]");
      if (input) { input.value = ""; }
    }
  });

  document.addEventListener("htmx:afterSwap", function () {
    var img = document.getElementById("result");
    var link = document.getElementById("download");
    if (img && link) { link.setAttribute("href", img.getAttribute("src")); }
  });

  document.addEventListener("htmx:sendError", function () {
    showMessage("The server could not be reached. Check your connection and try again.");
  });
})();

// Regions: colour swatches from the chips' data, the overlay toggle, and picking on the photo by click or box.
(function () {
  "use strict";

  function paintSwatches(root) {
    (root || document).querySelectorAll(".chip[data-colour]").forEach(function (chip) {
      var swatch = chip.querySelector(".swatch");
      if (swatch) { swatch.style.backgroundColor = chip.getAttribute("data-colour"); }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { paintSwatches(); });
  document.addEventListener("htmx:load", function (e) { paintSwatches(e.detail.elt); });

  document.addEventListener("change", function (e) {
    if (e.target.id === "show-regions") {
      var frame = document.getElementById("frame");
      if (frame) { frame.classList.toggle("show-regions", e.target.checked); }
    }
  });

  var start = null;

  function fractions(frame, e) {
    var img = document.getElementById("result");
    var r = img.getBoundingClientRect();
    return {
      x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)),
      y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)),
      px: e.clientX - frame.getBoundingClientRect().left,
      py: e.clientY - frame.getBoundingClientRect().top
    };
  }

  document.addEventListener("pointerdown", function (e) {
    var frame = e.target.closest && e.target.closest("#frame");
    if (!frame || e.button !== 0) { return; }
    e.preventDefault();
    start = { frame: frame, at: fractions(frame, e) };
  });

  document.addEventListener("pointermove", function (e) {
    if (!start) { return; }
    var now = fractions(start.frame, e);
    var box = document.getElementById("box");
    box.hidden = false;
    box.style.left = Math.min(start.at.px, now.px) + "px";
    box.style.top = Math.min(start.at.py, now.py) + "px";
    box.style.width = Math.abs(now.px - start.at.px) + "px";
    box.style.height = Math.abs(now.py - start.at.py) + "px";
  });

  document.addEventListener("pointerup", function (e) {
    if (!start) { return; }
    var frame = start.frame;
    var from = start.at;
    var to = fractions(frame, e);
    start = null;
    document.getElementById("box").hidden = true;
    var moved = Math.abs(to.px - from.px) + Math.abs(to.py - from.py);
    var values = moved < 6
      ? { how: "click", x0: from.x, y0: from.y }
      : { how: "box", x0: Math.min(from.x, to.x), y0: Math.min(from.y, to.y),
          x1: Math.max(from.x, to.x), y1: Math.max(from.y, to.y) };
    values.mode = e.shiftKey ? "add" : e.altKey ? "remove" : "new";
    htmx.ajax("POST", frame.getAttribute("data-pick"), { source: frame, values: values, swap: "none" });
  });
})();
