package org.xiangzhi.registry.places;

import java.io.IOException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.xiangzhi.platform.CurrentActor;

/**
 * Upload of division files (区划代码) by a system or county administrator: a
 * {@code villages.csv}-style file or a zip of the {@code china-division} CSVs. New places
 * outside the administrator's scope are left out.
 */
@Controller
@RequestMapping("/registry/divisions")
@PreAuthorize(Divisions.CAN_LOAD)
class DivisionController {

	private final Divisions divisions;

	DivisionController(Divisions divisions) {
		this.divisions = divisions;
	}

	@GetMapping
	String form() {
		return "registry/grids/divisions";
	}

	@PostMapping
	String upload(@RequestParam(value = "file", required = false) MultipartFile file, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("errorKey", "places.divisions.error.noFile");
			return "registry/grids/divisions";
		}
		model.addAttribute("report",
				divisions.loadUpload(CurrentActor.get(), file.getOriginalFilename(), file.getBytes()));
		return "registry/grids/divisions";
	}

}
