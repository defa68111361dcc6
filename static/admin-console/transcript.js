// A transcript box opens on its latest messages (the ones staff came to read), not its first:
// scrolled to the end once the page has laid it out.
(() => {
  const scrollToEnd = () => document.querySelectorAll(".nw-transcript[data-scroll-end]").forEach((box) => {
    box.scrollTop = box.scrollHeight;
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scrollToEnd);
  else scrollToEnd();
})();
