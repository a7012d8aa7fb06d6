// Phone photos are 3–12 MB; a case needs a clear picture, not the sensor's full resolution. Large JPEG/PNG/WebP photos
// are redrawn at most 2048 px on the long side as JPEG before they leave the phone: faster uploads on slow networks,
// well under the server's size limit, and the redrawing drops the EXIF block (with the phone's GPS and model) too.
// Anything the browser cannot decode (e.g. HEIC in Chrome) goes up as it is; the server checks every file's bytes.
const MaxSide = 2048;
const ShrinkAbove = 1024 * 1024;

export async function shrink(file) {
    if (file.size <= ShrinkAbove || !/^image\/(jpeg|png|webp)$/.test(file.type) || !window.createImageBitmap) return file;
    try {
        const bitmap = await createImageBitmap(file);
        const scale = Math.min(1, MaxSide / Math.max(bitmap.width, bitmap.height));
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(bitmap.width * scale);
        canvas.height = Math.round(bitmap.height * scale);
        canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        bitmap.close();
        const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.85));
        if (!blob || blob.size >= file.size) return file;
        return new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' });
    } catch {
        return file;
    }
}

// Plain forms (e.g. verification): shrink the chosen photos in place before the form is posted.
for (const input of document.querySelectorAll('input[type=file][data-shrink]')) {
    input.addEventListener('change', async () => {
        if (!window.DataTransfer) return;
        const form = input.form;
        const submit = form && form.querySelector('[type=submit]');
        if (submit) submit.disabled = true;
        try {
            const list = new DataTransfer();
            for (const file of input.files) list.items.add(await shrink(file));
            input.files = list.files;
        } finally {
            if (submit) submit.disabled = false;
        }
    });
}
