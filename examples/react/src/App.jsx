import { useState } from "react";
import { VerifyForm } from "./VerifyForm.jsx";

export function App() {
  const [open, setOpen] = useState(true);
  const [outcome, setOutcome] = useState("");
  return (
    <main>
      <h1>Verify the fix of IM202403221648300171753784</h1>
      <button type="button" onClick={() => setOpen(!open)}>
        {open ? "Close the form" : "Open the form"}
      </button>
      {open && <VerifyForm incidentNum="IM202403221648300171753784" onOutcome={setOutcome} />}
      <p role="status" id="outcome">{outcome}</p>
    </main>
  );
}
