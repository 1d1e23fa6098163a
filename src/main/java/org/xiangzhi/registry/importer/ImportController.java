package org.xiangzhi.registry.importer;

import java.io.IOException;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.registry.RegistryAccess;

/** Roster import pages (批量导入): template, upload, result, and progress of large files. */
@Controller
@RequestMapping("/registry/import")
@PreAuthorize(RegistryAccess.CAN_IMPORT)
class ImportController {

	/** Bad rows listed on the page; the page says how many there were in all. */
	static final int ERRORS_SHOWN = 1000;

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ImportService service;

	private final ImportTemplate template;

	ImportController(ImportService service, ImportTemplate template) {
		this.service = service;
		this.template = template;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("maxMegabytes", ImportService.MAX_BYTES >> 20);
		return "registry/import/upload";
	}

	@GetMapping("/template")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("户籍导入模板.xlsx", java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(template.workbook());
	}

	@PostMapping
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		model.addAttribute("maxMegabytes", ImportService.MAX_BYTES >> 20);
		if (file == null || file.isEmpty()) {
			model.addAttribute("errors", List.of(new RowError(0, null, "import.file.missing", null)));
			model.addAttribute("errorTotal", 1);
			return "registry/import/upload";
		}
		if (file.getSize() > ImportService.MAX_BYTES) {
			model.addAttribute("errors", List
				.of(new RowError(0, null, "import.file.tooLarge", String.valueOf(ImportService.MAX_BYTES >> 20))));
			model.addAttribute("errorTotal", 1);
			return "registry/import/upload";
		}
		ImportService.Result result = service.submit(CurrentActor.get(), file.getOriginalFilename(), file.getBytes());
		if (result instanceof ImportService.Queued queued) {
			return "redirect:/registry/import/jobs/" + queued.jobId();
		}
		if (result instanceof ImportService.Imported imported) {
			model.addAttribute("outcome", imported.outcome());
		}
		else if (result instanceof ImportService.Rejected rejected) {
			model.addAttribute("errors", rejected.errors().stream().limit(ERRORS_SHOWN).toList());
			model.addAttribute("errorTotal", rejected.errors().size());
		}
		return "registry/import/upload";
	}

	@GetMapping("/jobs/{id}")
	String job(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		ImportService.Job job = service.job(CurrentActor.get(), id);
		model.addAttribute("job", job);
		model.addAttribute("errors", job.errors().stream().limit(ERRORS_SHOWN).toList());
		model.addAttribute("errorTotal", job.errorCount());
		return htmx != null ? "registry/import/job :: progress" : "registry/import/job";
	}

}
