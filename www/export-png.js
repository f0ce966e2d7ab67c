/*
 * Raqmi: a chart's PNG export ("Télécharger PNG" under the chart), a module imported by
 * www/embed-frame.js on the first click of that button (`.export-png`): not part of the first
 * load (the service worker precaches it). The app's click handler (src/components/charts.rs)
 * has written onto the button what to draw: the chart's standalone SVG, the one the SVG export
 * downloads (`data-svg`), its size (`data-width`, `data-height`) and the file's name
 * (`data-name`). Drawn through an image into a canvas at twice its size (crisp on dense
 * screens and in print), on white, then offered as a download.
 */
export function open(button) {
  const { svg, name } = button.dataset;
  const width = Number(button.dataset.width) * 2;
  const height = Number(button.dataset.height) * 2;
  if (!svg || !(width > 0) || !(height > 0)) return;
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  const image = new Image();
  image.addEventListener('load', () => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    URL.revokeObjectURL(url);
    canvas.toBlob((blob) => {
      if (!blob) return;
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      // Revoked once the click has been handled.
      setTimeout(() => URL.revokeObjectURL(href), 10000);
    }, 'image/png');
  });
  image.src = url;
}
