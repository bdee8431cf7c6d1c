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
// Sign language videos: the captions are switched on when the visitor starts the video,
// so that nothing (not even the small captions file) is fetched before they press play.
// Without JavaScript the player's own captions menu switches them on.
for (const video of document.querySelectorAll("video[data-captions]")) {
  video.addEventListener(
    "play",
    () => {
      for (const track of video.textTracks) if (track.kind === "captions") track.mode = "showing";
    },
    { once: true },
  );
}
// Print shows the answers of closed accordions and transcripts, then closes them again.
addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll("details:not([open])")) {
    details.open = true;
    details.dataset.openedForPrint = "";
  }
});
addEventListener("afterprint", () => {
  for (const details of document.querySelectorAll("details[data-opened-for-print]")) {
    details.open = false;
    delete details.dataset.openedForPrint;
  }
});
