// Agora's only script: pages work without it; it adds what needs a live connection.
"use strict";

// The footer's language switch brings the reader back to the page they were reading.
document.querySelectorAll("[data-return-to]").forEach((input) => {
  input.value = location.pathname + location.search;
});
