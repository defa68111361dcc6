// The run page's "Fix the FAQ" form: choosing another entry loads that entry's current answer into
// the answer box, so staff edit the answer they are about to replace. The hidden answer_for field
// names the entry the box was loaded for; the server saves nothing onto a different entry, so a
// page without this script (or a load that failed) can't overwrite an entry either.
(function () {
  "use strict";

  function start() {
    var form = document.getElementById("faq-form");
    if (!form) return;
    var select = form.querySelector("#faq-id");
    var answer = form.querySelector("#faq-answer");
    var loadedFor = form.querySelector("#faq-answer-for");
    var status = form.querySelector("#faq-answer-status");
    var latest = 0;  // only the answer for the entry chosen last may fill the box

    select.addEventListener("change", function () {
      var entryId = select.value;
      var request = ++latest;
      // Until the answer arrives the box holds no entry's answer: a save now is refused, not applied.
      loadedFor.value = "";
      if (!entryId) {
        answer.readOnly = false;
        status.textContent = "A new entry: write the answer as it should read for everyone.";
        return;
      }
      answer.readOnly = true;
      status.textContent = "Loading this entry's answer…";
      var url = form.dataset.answerUrl + "?entry=" + encodeURIComponent(entryId);
      fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (entry) {
          if (request !== latest) return;
          answer.value = entry.answer;
          loadedFor.value = String(entry.id);
          status.textContent = "Loaded the current answer of “" + entry.question + "”.";
        })
        .catch(function (error) {
          if (request !== latest) return;
          status.textContent = "Couldn't load this entry's answer (" + error.message + "): reload the page before saving.";
        })
        .finally(function () {
          if (request === latest) answer.readOnly = false;
        });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
