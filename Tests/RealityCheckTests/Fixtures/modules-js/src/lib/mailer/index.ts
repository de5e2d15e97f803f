function render(name: string) {
  return `<p>${name}</p>`;
}

export async function send(to: string, body: string) {
  return { to, body };
}

export {
  render as renderTemplate,
};
