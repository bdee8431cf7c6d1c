// The Web Share API where the browser has it: the device's own share sheet.
// Without it (or without JavaScript) the plain links beside the button remain.
for (const button of document.querySelectorAll(".share-button")) {
  if (!navigator.share) continue;
  button.parentElement.hidden = false;
  button.addEventListener("click", () => {
    navigator
      .share({ title: button.dataset.shareTitle, url: button.dataset.shareUrl })
      .catch(() => {}); // the visitor closed the share sheet
  });
}
